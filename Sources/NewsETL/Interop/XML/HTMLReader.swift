import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// Reads an HTML page with libxml2's forgiving HTML parser, the network,
/// external entities and the page's own encoding declaration switched off
/// (NewsETL hands it text already decoded to UTF-8), and hands a visitor
/// each element and run of text as the parser meets them. No tree is built:
/// a page is read in one pass, without allocating, walking and freeing a
/// node for every element and text, which cost as much as the parse.
/// The visitor sees what a walk of the tree libxml2 would build shows, in
/// document order: the parser closes every element it opens, implied ones
/// included; names lose a namespace prefix (`a0:li` is `li`), as the tree's
/// nodes do; and a page nested deeper than the tree's limit (256 open
/// elements) ends there. Unlike that walk it also sees what follows a root
/// element closed early (`<html ... />`), which a tree keeps out of reach.
public enum HTMLReader {
    /// Reads `html` into `visitor`. NUL characters are replaced first, since
    /// libxml2 stops at the first one and would silently drop the rest of the page.
    public static func read<Visitor: HTMLVisitor>(_ html: String, into visitor: inout Visitor) throws {
        LibXML.initialize()
        var bytes = Array(html.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var searched = 0
            while let nul = memchr(base + searched, 0, buffer.count - searched) {
                let index = base.distance(to: nul.assumingMemoryBound(to: UInt8.self))
                buffer[index] = 0x20
                searched = index + 1
            }
        }
        let sink = VisitorSink(visitor)
        try LibXML.ignoringErrors {
            try bytes.withUnsafeBufferPointer { buffer in
                let parsed = buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                    htmlCreateMemoryParserCtxt($0, Int32(clamping: buffer.count))
                }
                guard let context = parsed, let handler = context.pointee.sax else {
                    throw XMLError("libxml2 could not parse the page as HTML")
                }
                defer { htmlFreeParserCtxt(context) }
                handler.pointee = callbacks()
                context.pointee.userData = Unmanaged.passUnretained(sink as SAXSink).toOpaque()
                sink.parser = context
                // As htmlReadMemory(…, "UTF-8", options) sets up its parser.
                htmlCtxtUseOptions(context, options)
                context.pointee.html = 1
                if let utf8 = xmlFindCharEncodingHandler("UTF-8") { xmlSwitchToEncoding(context, utf8) }
                htmlParseDocument(context)
                sink.closeOpenElements()
            }
        }
        visitor = sink.visitor
    }

    // Pages are parsed in recovery mode on purpose: what libxml2 says about their markup is not news.
    private static let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    /// Elements, text and CDATA (a script's or style's content); comments,
    /// processing instructions and the doctype are not asked for.
    private static func callbacks() -> htmlSAXHandler {
        var handler = htmlSAXHandler()
        handler.initialized = 1
        handler.startElement = { context, name, attributes in
            guard let context, let name else { return }
            SAXSink.from(context).start(name, attributes)
        }
        handler.endElement = { context, name in
            guard let context, let name else { return }
            SAXSink.from(context).end(name)
        }
        handler.characters = { context, text, length in
            guard let context, let text, length > 0 else { return }
            SAXSink.from(context).characters(UnsafeBufferPointer(start: text, count: Int(length)))
        }
        handler.cdataBlock = handler.characters
        return handler
    }
}

/// What the parser's callbacks reach through `userData`: a class, so that
/// one set of C functions serves every kind of visitor.
private class SAXSink {
    static func from(_ context: UnsafeMutableRawPointer) -> SAXSink {
        Unmanaged<SAXSink>.fromOpaque(context).takeUnretainedValue()
    }

    func start(_ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {}
    func end(_ name: UnsafePointer<xmlChar>) {}
    func characters(_ text: UnsafeBufferPointer<xmlChar>) {}
}

private final class VisitorSink<Visitor: HTMLVisitor>: SAXSink {
    /// libxml2's tree stops a parse at this depth (`xmlParserMaxDepth`);
    /// so does the read, which also bounds the work of a visitor that keeps
    /// the open elements for every block of text.
    static var maximumDepth: Int { 256 }

    var visitor: Visitor
    var parser: htmlParserCtxtPtr?
    private var halted = false
    /// The names of the open elements (the parser's interned strings, valid while it lives).
    private var open: [UnsafePointer<xmlChar>] = []
    /// How many of the open elements lie in one whose content the visitor skips, that one included.
    private var skipped = 0

    init(_ visitor: Visitor) {
        self.visitor = visitor
    }

    override func start(_ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard !halted else { return }
        guard open.count <= Self.maximumDepth else {
            halted = true
            if let parser { xmlStopParser(parser) }
            return
        }
        let name = HTMLElement.localName(name)
        open.append(name)
        if skipped > 0 {
            skipped += 1
        } else if !visitor.enter(HTMLElement(tag: name, attributes: attributes)) {
            skipped = 1
        }
    }

    override func end(_ name: UnsafePointer<xmlChar>) {
        guard !halted else { return }
        close()
    }

    private func close() {
        guard let name = open.popLast() else { return }
        if skipped > 1 {
            skipped -= 1
            return
        }
        skipped = 0
        visitor.leave(String(cString: name))
    }

    override func characters(_ text: UnsafeBufferPointer<xmlChar>) {
        // Text outside every element has no place in the page's tree.
        guard !halted, !open.isEmpty, skipped == 0 else { return }
        visitor.text(String(decoding: text, as: UTF8.self))
    }

    /// Closes what a parse that stopped early left open, innermost first.
    func closeOpenElements() {
        while !open.isEmpty { close() }
    }
}

/// An element met during a read; valid only inside `HTMLVisitor.enter`.
public struct HTMLElement {
    fileprivate let tag: UnsafePointer<xmlChar>
    /// Name and value pairs, ending with a NULL name; a value is NULL for
    /// an attribute written without one.
    fileprivate let attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

    /// Lowercase tag name (`div`, `p`, `meta`).
    public var name: String { String(cString: tag) }

    /// The value of the first attribute named `name` (lowercase, as the
    /// parser makes attribute names; any namespace prefix aside), entities
    /// resolved; "" for one written without a value; nil if absent.
    public func attribute(_ name: StaticString) -> String? {
        guard var pair = attributes else { return nil }
        let wanted = UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)
        while let attributeName = pair.pointee {
            if strcmp(UnsafeRawPointer(HTMLElement.localName(attributeName)).assumingMemoryBound(to: CChar.self), wanted) == 0 {
                return (pair + 1).pointee.map { String(cString: $0) } ?? ""
            }
            pair += 2
        }
        return nil
    }

    /// A name without its namespace prefix, split as libxml2's tree splits
    /// it (`xmlSplitQName`): at the first colon, unless the name begins or
    /// ends there.
    static func localName(_ name: UnsafePointer<xmlChar>) -> UnsafePointer<xmlChar> {
        guard name.pointee != UInt8(ascii: ":"),
              let colon = strchr(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), Int32(UInt8(ascii: ":"))),
              colon[1] != 0 else { return name }
        return UnsafeRawPointer(colon + 1).assumingMemoryBound(to: xmlChar.self)
    }
}

/// Receives a page in document order: `enter` (return false to skip the
/// element's content), `text`, `leave` with the element's name.
public protocol HTMLVisitor {
    mutating func enter(_ element: HTMLElement) -> Bool
    mutating func text(_ text: String)
    mutating func leave(_ name: String)
}
