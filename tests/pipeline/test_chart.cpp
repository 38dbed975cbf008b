// Tests follow with the implementation.
