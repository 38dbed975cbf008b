#include "insight.h"
