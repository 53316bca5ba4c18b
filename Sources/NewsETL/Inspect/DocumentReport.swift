/// One input file as `newsetl show` prints it for an analyst: a kept
/// document's metadata, its clean text with the entity mentions marked,
/// the paragraphs clean removed and why, and its cluster of copies; or
/// the copy it is, or why it was rejected. Read from the output folder's
/// record store (`.state/records.bin`), which every run keeps whatever
/// formats it exports.
public struct DocumentReport {
    public enum Outcome {
        case document(Document)
        case duplicate(DuplicateRecord)
        case rejected(Rejection)
    }

    public enum Problem: Error, CustomStringConvertible {
        case noDataset(String)
        case notFound(String)

        public var description: String {
            switch self {
            case .noDataset(let detail): return detail
            case .notFound(let key): return "no document, copy or rejected file with id or path \(key) in this dataset"
            }
        }
    }

    public let path: String
    public let outcome: Outcome
    /// The copies in the report's cluster (all of them, whichever member it is).
    public let copies: [DuplicateRecord]

    /// Finds `key`, a doc_id or a path: the path relative to the input
    /// folder, or any path ending in it (`input/wire/a.txt` finds `wire/a.txt`).
    public static func find(_ key: String, output: String) throws -> DocumentReport {
        let storePath = StateStore(output: output).recordsPath
        let store: RecordStoreReader?
        do {
            store = try RecordStoreReader(path: storePath)
        } catch {
            throw Problem.noDataset("\(error)")
        }
        guard let store else { throw Problem.noDataset("no dataset in \(output) (\(storePath) is missing): run newsetl there first") }
        var found: StoredRecord?
        var bestMatch = 0
        var copiesByCluster: [String: [DuplicateRecord]] = [:]
        /// How well `record` matches: an id or the exact path beats any path
        /// ending in it, and of those the longest wins ("a/b.txt" over "b.txt").
        func match(_ record: StoredRecord) -> Int {
            let id = record.document?.docID ?? record.duplicate?.docID
            if id == key || record.path == key { return Int.max }
            return key.hasSuffix("/" + record.path) ? record.path.utf8.count : 0
        }
        while let record = try store.next() {
            if let duplicate = record.duplicate { copiesByCluster[duplicate.clusterID, default: []].append(duplicate) }
            let score = match(record)
            if score > bestMatch {
                bestMatch = score
                found = record
            }
        }
        guard let record = found else { throw Problem.notFound(key) }
        let outcome: Outcome
        let cluster: String?
        if let document = record.document {
            outcome = .document(document)
            cluster = document.duplicateCluster?.clusterID
        } else if let duplicate = record.duplicate {
            outcome = .duplicate(duplicate)
            cluster = duplicate.clusterID
        } else if let rejection = record.rejection {
            outcome = .rejected(rejection)
            cluster = nil
        } else {
            throw Problem.notFound(key)
        }
        return DocumentReport(path: record.path, outcome: outcome, copies: cluster.flatMap { copiesByCluster[$0] } ?? [])
    }

    /// For a person: labelled metadata, the text with each mention written
    /// `[mention|TYPE]`, then the removed paragraphs and the cluster.
    public var text: String {
        var lines: [String] = []
        switch outcome {
        case .rejected(let rejection):
            return "\(path)\nrejected: \(rejection.reason.rawValue): \(rejection.detail)\n"
        case .duplicate(let duplicate):
            lines = ["\(duplicate.docID)  \(path)",
                     "\(duplicate.kind == "exact" ? "an" : "a") \(duplicate.kind) copy of \(duplicate.canonicalID) (\(duplicate.canonicalPath)), similarity \(JSONText.decimal(duplicate.similarity)); "
                        + "dedupe dropped it from documents"]
        case .document(let document):
            let row = Dictionary(uniqueKeysWithValues: zip(Datasets.documentsLayout.dataset.columns.map(\.name),
                                                           Datasets.documentsLayout.row(document)))
            lines.append("\(document.docID)  \(path)")
            for name in DocumentReport.shownColumns {
                guard let value = row[name]?.plainText else { continue }
                lines.append((name + ":").padding(toLength: 18, withPad: " ", startingAt: 0) + value)
            }
            lines += ["", "text (entity mentions marked [mention|TYPE]):", "", DocumentReport.marked(document)]
            if !document.removed.isEmpty {
                lines += ["", "removed by clean (\(document.removed.count)):"]
                lines += document.removed.map { "  [\($0.rule)] \($0.text.replacingOccurrences(of: "\n", with: " "))" }
            }
        }
        if let first = copies.first {
            lines += ["", "cluster \(first.clusterID): canonical \(first.canonicalID) \(first.canonicalPath)"]
            lines += copies.map { "  copy \($0.docID) \($0.sourcePath)  similarity \(JSONText.decimal($0.similarity)) \($0.kind)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// For programs: one JSON object, the documents row's columns plus
    /// `entities`, `removed` and `cluster`.
    public var json: String {
        func quoted(_ text: String?) -> String { text.map(JSONText.quoted) ?? "null" }
        func object(_ fields: [(String, String)]) -> String {
            "{" + fields.map { "\(JSONText.quoted($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        }
        var fields: [(String, String)] = [("path", quoted(path))]
        switch outcome {
        case .rejected(let rejection):
            fields += [("outcome", quoted("rejected")), ("reason", quoted(rejection.reason.rawValue)), ("detail", quoted(rejection.detail))]
        case .duplicate(let duplicate):
            fields += [("outcome", quoted("duplicate")), ("doc_id", quoted(duplicate.docID)), ("canonical_id", quoted(duplicate.canonicalID))]
        case .document(let document):
            fields.append(("outcome", quoted("document")))
            let layout = Datasets.documentsLayout
            for (column, value) in zip(layout.dataset.columns, layout.row(document)) {
                var encoded: [UInt8] = []
                value.appendJSON(to: &encoded)
                fields.append((column.name, String(decoding: encoded, as: UTF8.self)))
            }
            fields.append(("entities", "[" + document.entities.map { entity in
                object([("entity_id", quoted(entity.entityID)), ("type", quoted(entity.mention.kind.rawValue)),
                        ("mention", quoted(entity.mention.text)), ("canonical", quoted(entity.canonical)),
                        ("start", String(entity.mention.start)), ("end", String(entity.mention.end)),
                        ("value", quoted(entity.mention.value)), ("unit", quoted(entity.mention.unit))])
            }.joined(separator: ", ") + "]"))
            fields.append(("removed", "[" + document.removed.map { paragraph in
                object([("paragraph", String(paragraph.index)), ("rule", quoted(paragraph.rule)), ("text", quoted(paragraph.text))])
            }.joined(separator: ", ") + "]"))
        }
        if let first = copies.first {
            let members = copies.map { copy in
                object([("doc_id", quoted(copy.docID)), ("source_path", quoted(copy.sourcePath)),
                        ("similarity", JSONText.decimal(copy.similarity)), ("kind", quoted(copy.kind))])
            }
            fields.append(("cluster", object([("cluster_id", quoted(first.clusterID)), ("canonical_id", quoted(first.canonicalID)),
                                              ("canonical_path", quoted(first.canonicalPath)),
                                              ("copies", "[" + members.joined(separator: ", ") + "]")])))
        }
        return object(fields) + "\n"
    }

    /// The metadata lines of the text form: the documents columns a reader scans first.
    static let shownColumns = ["title", "published_date", "published_at", "published_source", "source", "domain", "canonical_url",
                               "authors", "language", "word_count", "encoding", "format", "bytes", "sha256", "description"]

    /// The clean text with every mention wrapped as `[mention|TYPE]`.
    static func marked(_ document: Document) -> String {
        let scalars = Array(document.text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var position = 0
        for entity in document.entities where entity.mention.start >= position && entity.mention.end <= scalars.count {
            out.append(contentsOf: scalars[position..<entity.mention.start])
            out.append(contentsOf: "[".unicodeScalars)
            out.append(contentsOf: scalars[entity.mention.start..<entity.mention.end])
            out.append(contentsOf: "|\(entity.mention.kind.rawValue)]".unicodeScalars)
            position = entity.mention.end
        }
        out.append(contentsOf: scalars[position...])
        return String(out)
    }
}
