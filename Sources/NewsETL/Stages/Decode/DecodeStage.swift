import Foundation

/// The `decode` stage: any real-world file into clean Unicode text plus its
/// metadata, or a rejection that says why not.
///
/// ```json
/// { "name": "decode", "enabled": true,
///   "options": { "html_extensions": [".html", ".htm"], "max_control_ratio": 0.02, "min_words": 1 } }
/// ```
public struct DecodeStage: Sendable {
    /// Files with these extensions are parsed as HTML; others are too when
    /// their first bytes look like a page.
    public var htmlExtensions: [String]
    public var detector: EncodingDetector
    /// Documents with fewer words after decoding are rejected as `no_text`.
    public var minWords: Int
    /// Whether decode identifies the text's language. A run's plan turns it
    /// off when a later stage sets the language (clean, from the text it
    /// keeps): identifying a page with its chrome first is then wasted work.
    /// The document's language stays empty for that stage to fill.
    public var identifiesLanguage = true

    public static let defaultHTMLExtensions = [".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"]

    public init(htmlExtensions: [String] = DecodeStage.defaultHTMLExtensions, maxControlRatio: Double = 0.02, minWords: Int = 1) {
        self.htmlExtensions = htmlExtensions.map { $0.lowercased() }
        self.detector = EncodingDetector(maxControlRatio: maxControlRatio)
        self.minWords = minWords
    }

    public var outputs: StageOutputs {
        StageOutputs(documentColumns: ["doc_id", "source_path", "sha256", "bytes", "encoding", "format", "title", "published_date", "published_at", "published_source",
                                       "source", "canonical_url", "domain", "language", "authors", "description", "word_count", "text"])
    }

    public init(options: OptionReader) {
        self.init(
            htmlExtensions: options.stringList("html_extensions", default: DecodeStage.defaultHTMLExtensions),
            maxControlRatio: options.number("max_control_ratio", default: 0.02, range: 0...1),
            minWords: options.integer("min_words", default: 1, range: 0...1_000_000)
        )
    }

    /// Reads and decodes one input file. Never throws: every failure is a
    /// rejection with a reason and a one-line detail.
    public func decode(_ file: InputFile, maxFileBytes: Int) -> Result<Document, Rejection> {
        func reject(_ reason: Rejection.Reason, _ detail: String, sha256: String? = nil) -> Result<Document, Rejection> {
            .failure(Rejection(path: file.relativePath, sha256: sha256, reason: reason, detail: detail))
        }
        if let problem = file.problem { return reject(problem, file.problemDetail) }
        let bytes: [UInt8]
        do {
            let status = try FileSystem.targetStatus(bytes: file.systemPath)
            guard status.kind == .regular else { return reject(.notRegularFile, "not a regular file") }
            if status.size > maxFileBytes { return reject(.tooLarge, sizeDetail(status.size, limit: maxFileBytes)) }
            bytes = try FileSystem.readRegularFile(bytes: file.systemPath, limit: maxFileBytes)
        } catch {
            return reject(.unreadable, error.message)
        }
        if bytes.count > maxFileBytes { return reject(.tooLarge, sizeDetail(bytes.count, limit: maxFileBytes)) }
        return decode(bytes: bytes, relativePath: file.relativePath, modifiedNanoseconds: file.stamp?.modifiedNanoseconds)
    }

    /// Decodes the bytes of a file found at `relativePath` (which names the
    /// document and says whether it is a page). Never throws or traps,
    /// whatever the bytes: the fuzzing harness holds it to that.
    /// `modifiedNanoseconds`, the file's time, bounds the publication date:
    /// a report is not published after its file was written.
    public func decode(bytes: [UInt8], relativePath: String, modifiedNanoseconds: Int? = nil) -> Result<Document, Rejection> {
        func reject(_ reason: Rejection.Reason, _ detail: String, sha256: String? = nil) -> Result<Document, Rejection> {
            .failure(Rejection(path: relativePath, sha256: sha256, reason: reason, detail: detail))
        }
        let sha256 = SHA256.hex(bytes)
        if bytes.isEmpty { return reject(.empty, "the file is empty (0 bytes)", sha256: sha256) }

        let isHTML = looksLikeHTML(relativePath, bytes)
        let decoded: EncodingDetector.Decoded
        switch detector.decode(bytes, looksLikeHTML: isHTML) {
        case .success(let result): decoded = result
        case .failure(.binary(let detail)): return reject(.binary, "binary file: \(detail)", sha256: sha256)
        case .failure(.undecodable(let detail)): return reject(.undecodable, detail, sha256: sha256)
        }

        var document = Document(
            docID: DecodeStage.docID(forRelativePath: relativePath), sourcePath: relativePath,
            sha256: sha256, byteCount: bytes.count, encoding: decoded.encoding,
            format: isHTML ? .html : .text, title: nil, published: nil,
            source: DecodeStage.folder(of: relativePath), canonicalURL: nil, text: "", wordCount: 0)
        if isHTML {
            let page: HTMLTextExtractor.Extracted
            do {
                page = try HTMLTextExtractor().extract(html: decoded.text)
            } catch {
                return reject(.undecodable, "\(error)", sha256: sha256)
            }
            var paragraphs: [String] = []
            var blocks: [TextBlock] = []
            // A page has thousands of blocks: grown by appending, the array was copied a dozen times.
            paragraphs.reserveCapacity(page.paragraphs.count)
            blocks.reserveCapacity(page.blocks.count)
            for (paragraph, block) in zip(page.paragraphs, page.blocks) {
                let normalized = TextNormalizer.normalize(paragraph)
                guard !normalized.isEmpty else { continue }
                paragraphs.append(normalized.utf8.contains(UInt8(ascii: "\n")) ? normalized.replacingOccurrences(of: "\n", with: " ") : normalized)
                blocks.append(block)
            }
            document.text = paragraphs.joined(separator: "\n\n")
            document.blocks = blocks
            document.title = page.title
            if let published = page.published {
                (document.published, document.publishedSource) = (published, page.publishedSource)
            } else if let byline = DecodeStage.bylineDate(paragraphs, blocks: blocks, title: page.title) {
                (document.published, document.publishedSource) = (byline, "byline")
            }
            document.canonicalURL = page.canonicalURL
            document.description = page.description
            document.siteName = page.siteName
            document.authors = page.authors.isEmpty ? Authors.fromByline(paragraphs, siteName: page.siteName, domain: URLDomain.of(page.canonicalURL)) : page.authors
            document.source = page.siteName ?? URLDomain.of(page.canonicalURL) ?? document.source
        } else {
            document.text = TextNormalizer.normalize(decoded.text)
            let metadata = PlainTextMetadata(text: document.text)
            document.title = metadata.title
            document.published = metadata.published
            document.publishedSource = metadata.published == nil ? nil : "dateline"
            document.authors = metadata.authors
        }
        if let published = document.published, !URLDate.isPlausible(published, modifiedNanoseconds: modifiedNanoseconds) {
            document.published = nil
            document.publishedSource = nil
        }
        document.wordCount = TextNormalizer.wordCount(document.text)
        document.language = identifiesLanguage ? LanguageIdentifier.identify(document.text) : ""
        if document.wordCount < max(minWords, 1) {
            return reject(.noText, "no text after decoding (\(document.wordCount) words)", sha256: sha256)
        }
        return .success(document)
    }

    /// A page's byline date, looked for from its headline on before the
    /// page's top: a date line above the headline is often the site's
    /// masthead date ("Tue 15 Jan 2008 | 10:17 EST"), the day of reading,
    /// not of writing.
    static func bylineDate(_ paragraphs: [String], blocks: [TextBlock], title: String?) -> String? {
        let headline = blocks.firstIndex { $0.tag == "h1" }
            ?? title.flatMap { title in paragraphs.firstIndex { $0 == title || title.hasPrefix($0) && $0.count >= 20 } }
            ?? 0
        return PlainTextMetadata.bylineDate(in: paragraphs[headline...]) ?? PlainTextMetadata.bylineDate(in: paragraphs[..<headline])
    }

    /// `doc-` and 16 hex digits of the SHA-256 of the relative path: stable
    /// across runs and machines, and independent of the file's content.
    public static func docID(forRelativePath path: String) -> String {
        "doc-" + SHA256.hex(path).prefix(16)
    }

    private func looksLikeHTML(_ path: String, _ bytes: [UInt8]) -> Bool {
        let lowerPath = path.lowercased()
        if htmlExtensions.contains(where: { lowerPath.hasSuffix($0) }) { return true }
        let head = bytes.prefix(1024).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        guard let first = head.firstIndex(where: { $0 > 0x20 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }),
              head[first] == UInt8(ascii: "<") else { return false }
        func has(_ tag: String) -> Bool {
            let needle = Array(tag.utf8)
            return head.indices.contains { head[$0...].starts(with: needle) }
        }
        return has("<html") || has("<head") || has("<body") || has("<!doctype html")
    }

    private func sizeDetail(_ size: Int, limit: Int) -> String {
        "\(size) bytes, over max_file_bytes (\(limit))"
    }

    static func folder(of relativePath: String) -> String? {
        guard let slash = relativePath.lastIndex(of: "/") else { return nil }
        return String(relativePath[..<slash])
    }
}
