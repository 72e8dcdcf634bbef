import FuzzSupport

// The entry point: libFuzzer parses its own flags (-max_total_time, -max_len, ...) from the
// command line and calls fuzzModule (in ModuleFuzz.swift) with every input.
FuzzDriver.run { data, size in fuzzModule(data, size) }
