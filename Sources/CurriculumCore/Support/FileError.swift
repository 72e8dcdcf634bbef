import Foundation

/// A file operation that failed, with the system's reason ("Permission denied", "No space
/// left on device") instead of Foundation's "The operation could not be completed".
public struct FileError: Error, LocalizedError, CustomStringConvertible {
    public let path: String
    public let code: Int32

    public init(path: String, code: Int32) {
        self.path = path
        self.code = code
    }

    public var description: String { "\(String(cString: strerror(code))) (\(PathUtil.display(path)))" }
    public var errorDescription: String? { description }

    /// What went wrong, in words a user can act on, for any error a file operation throws.
    public static func describe(_ error: any Error) -> String {
        if let error = error as? FileError { return error.description }
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            let path = ns.userInfo[NSFilePathErrorKey] as? String
            let reason = String(cString: strerror(Int32(underlying.code)))
            return path.map { "\(reason) (\(PathUtil.display($0)))" } ?? reason
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        let text = error.localizedDescription
        if text.hasPrefix("The operation could not be completed"), let path = ns.userInfo[NSFilePathErrorKey] as? String {
            return "the file system refused it (\(PathUtil.display(path)))"
        }
        return text
    }
}
