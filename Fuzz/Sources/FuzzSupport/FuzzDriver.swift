import CFuzzDriver
import Foundation

/// Starts libFuzzer with the process's arguments and `fuzz` as the target; never returns.
public enum FuzzDriver {
    public static func run(_ fuzz: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv, fuzz)
        exit(status)
    }
}
