/// An input file that did not become a document, and why.
///
/// Rejections are results, not errors: the run goes on and records them in
/// `rejects.*` and the manifest.
public struct Rejection: Error, Sendable, Equatable {
    public enum Reason: String, Sendable, Equatable, CaseIterable {
        case empty
        case binary
        case undecodable
        case tooLarge = "too_large"
        case unreadable
        case notRegularFile = "not_regular_file"
        case outsideInput = "outside_input"
        case symlinkToFolder = "symlink_to_folder"
        case symlinkLoop = "symlink_loop"
        case noText = "no_text"
    }

    public var path: String
    /// SHA-256 of the bytes, when they could be read.
    public var sha256: String?
    public var reason: Reason
    /// One line saying what exactly was wrong.
    public var detail: String

    public init(path: String, sha256: String? = nil, reason: Reason, detail: String) {
        self.path = path
        self.sha256 = sha256
        self.reason = reason
        self.detail = detail
    }
}
