/** Registers the optional server features; each lives in its own module. */
export {};
