import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// An HTML page parsed by libxml2's forgiving HTML parser, with the network,
/// external entities and the page's own encoding declaration switched off:
/// NewsETL hands it text already decoded to UTF-8.
public final class HTMLDocument {
    private let document: htmlDocPtr

    /// Parses `html`. NUL characters are replaced first, since libxml2 stops at
    /// the first one and would silently drop the rest of the page.
    public init(html: String) throws {
        LibXML.initialize()
        var bytes = Array(html.utf8)
        for index in bytes.indices where bytes[index] == 0 { bytes[index] = 0x20 }
        let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue
            | HTML_PARSE_IGNORE_ENC.rawValue)
        // Pages are parsed in recovery mode on purpose: what libxml2 says about their markup is not news.
        let parsed = LibXML.ignoringErrors {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                    htmlReadMemory($0, Int32(clamping: buffer.count), nil, "UTF-8", options)
                }
            }
        }
        guard let parsed else { throw XMLError("libxml2 could not parse the page as HTML") }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// Walks the tree in document order. The visitor decides per element
    /// whether to descend; comments and processing instructions are skipped.
    public func walk<Visitor: HTMLVisitor>(_ visitor: inout Visitor) {
        guard let root = xmlDocGetRootElement(document) else { return }
        var node: xmlNodePtr? = root
        while let current = node {
            var descend = false
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                descend = visitor.enter(HTMLElement(node: current))
                if !descend || current.pointee.children == nil {
                    visitor.leave(HTMLElement(node: current))
                    descend = false
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { visitor.text(String(cString: content)) }
            default:
                break
            }
            if descend, let child = current.pointee.children {
                node = child
                continue
            }
            var climbing: xmlNodePtr? = current
            node = nil
            while let step = climbing {
                if step == root { break }
                if let sibling = step.pointee.next {
                    node = sibling
                    break
                }
                climbing = step.pointee.parent
                if let parent = climbing, parent.pointee.type == XML_ELEMENT_NODE {
                    visitor.leave(HTMLElement(node: parent))
                }
            }
        }
    }
}

/// An element met during a walk; valid only inside the visitor callback.
public struct HTMLElement {
    fileprivate let node: xmlNodePtr

    /// Lowercase tag name (`div`, `p`, `meta`).
    public var name: String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    public func attribute(_ name: String) -> String? {
        LibXML.takeString(xmlGetProp(node, name))
    }

    /// The value of a plain attribute (one text child, as the HTML parser
    /// makes them) without the copy `attribute(_:)` makes; nil if absent.
    public func plainAttribute(_ name: StaticString) -> String? {
        var property = node.pointee.properties
        while let current = property {
            if let attributeName = current.pointee.name,
               strcmp(UnsafeRawPointer(attributeName).assumingMemoryBound(to: CChar.self),
                      UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0 {
                guard let child = current.pointee.children else { return "" }
                if child.pointee.next == nil, let content = child.pointee.content { return String(cString: content) }
                return attribute(String(describing: name))
            }
            property = current.pointee.next
        }
        return nil
    }
}

/// Receives a document walk in order: `enter` (return false to skip the
/// element's content), `text`, `leave`.
public protocol HTMLVisitor {
    mutating func enter(_ element: HTMLElement) -> Bool
    mutating func text(_ text: String)
    mutating func leave(_ element: HTMLElement)
}
