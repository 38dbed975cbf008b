#include "revision_diff.h"
