import CLibXML2

/// A libxml2 failure, with the first error libxml2 reported (later ones are
/// usually follow-on errors).
public struct XMLError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// Process-wide libxml2 set-up.
public enum LibXML {
    private static let initialization: Void = { xmlInitParser() }()

    /// Initialises libxml2 once; call before workers start parsing.
    /// `xmlCleanupParser` is never called: other threads may still parse.
    public static func initialize() { _ = initialization }

    /// A Swift string from a libxml2-owned string, which is then freed.
    static func takeString(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        defer { newsetl_xmlFree(pointer) }
        return String(cString: pointer)
    }
}
