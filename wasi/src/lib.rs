//! WASI 0.2 for witbind.
