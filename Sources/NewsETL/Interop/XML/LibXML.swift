import CLibXML2
import Foundation
import Synchronization

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
    private static let initialization: Void = {
        xmlInitParser()
        newsetl_xmlRouteErrors(routeError)
    }()

    /// Initialises libxml2 once and routes its error messages to
    /// `diagnostics`; call before workers start parsing. `xmlCleanupParser`
    /// is never called: other threads may still parse.
    public static func initialize() { _ = initialization }

    /// Where libxml2's own messages go (one line each, any thread) when no
    /// caller collects them itself; dropped when unset.
    public static func setDiagnosticHandler(_ handler: @escaping @Sendable (String) -> Void) {
        diagnosticHandler.withLock { $0 = handler }
        initialize()
    }

    /// Runs `body` with libxml2's messages on this thread dropped (the
    /// handler is per thread in libxml2, so other threads keep theirs).
    static func ignoringErrors<T>(_ body: () throws -> T) rethrows -> T {
        initialize()
        xmlSetStructuredErrorFunc(nil, ignoreError)
        defer { xmlSetStructuredErrorFunc(nil, routeError) }
        return try body()
    }

    fileprivate static let diagnosticHandler = Mutex<(@Sendable (String) -> Void)?>(nil)

    /// A Swift string from a libxml2-owned string, which is then freed.
    static func takeString(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        defer { newsetl_xmlFree(pointer) }
        return String(cString: pointer)
    }
}

/// libxml2's structured error callback: one message, in our words, to the handler.
private func routeError(_ context: UnsafeMutableRawPointer?, _ error: UnsafeMutablePointer<xmlError>?) {
    guard let error else { return }
    let message = error.pointee.message.map { String(cString: $0) }?
        .trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown error"
    let file = error.pointee.file.map { String(cString: $0) }.map { "\($0):\(error.pointee.line): " } ?? ""
    let handler = LibXML.diagnosticHandler.withLock { $0 }
    handler?("libxml2: \(file)\(message)")
}

private func ignoreError(_ context: UnsafeMutableRawPointer?, _ error: UnsafeMutablePointer<xmlError>?) {}
