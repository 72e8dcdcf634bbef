import FuzzSupport

// The entry point: libFuzzer parses its own flags (-max_total_time, -max_len, ...) from the
// command line and calls fuzzConfig (in ConfigFuzz.swift) with every input.
FuzzDriver.run { data, size in fuzzConfig(data, size) }
