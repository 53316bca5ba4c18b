/// The SQL that makes `newsetl.sqlite`, generated from the dataset
/// declarations like the XML schema: one table per dataset under the
/// dataset's name, typed columns, the declared key as primary key, the
/// declared references as foreign keys, indexes on the columns analysts
/// filter and join on, a full-text index over the documents and views for
/// the common joins. `schema/newsetl.sql` is this text for every dataset.
enum SQLiteSchemaText {
    /// Columns people filter, group and join on; each gets an index in every
    /// table that has it (unless the primary key already leads with it).
    static let indexedColumns: Set<String> = [
        "entity_id", "type", "published_date", "domain", "source", "language", "cluster_id", "canonical_id", "reason", "rule",
    ]
    /// Written to `PRAGMA user_version`; raised when tables or views change incompatibly.
    static let schemaVersion = 1
    /// `PRAGMA application_id`: "NETL", so `file(1)` and tools can tell the database's origin.
    static let applicationID = 0x4E45_544C

    static func sqlType(_ type: ColumnType) -> String {
        switch type {
        case .integer, .boolean: return "INTEGER"
        case .number: return "REAL"
        case .string, .date, .timestamp, .list: return "TEXT"
        }
    }

    static func quoted(_ identifier: String) -> String { "\"" + identifier + "\"" }

    static func createTable(_ dataset: Dataset) -> String {
        var lines = dataset.columns.map { column in
            "  \(quoted(column.name)) \(sqlType(column.type))" + (column.nullable ? "" : " NOT NULL")
        }
        lines.append("  PRIMARY KEY (\(dataset.key.map(quoted).joined(separator: ", ")))")
        for column in dataset.columns {
            guard let target = column.references?.split(separator: "."), target.count == 2 else { continue }
            lines.append("  FOREIGN KEY (\(quoted(column.name))) REFERENCES \(quoted(String(target[0])))(\(quoted(String(target[1]))))")
        }
        return "CREATE TABLE \(quoted(dataset.name)) (\n" + lines.joined(separator: ",\n") + "\n);"
    }

    static func insert(_ dataset: Dataset) -> String {
        "INSERT INTO \(quoted(dataset.name)) VALUES (" + Array(repeating: "?", count: dataset.columns.count).joined(separator: ", ") + ");"
    }

    static func indexes(_ dataset: Dataset) -> [String] {
        dataset.columns.map(\.name).filter { indexedColumns.contains($0) && $0 != dataset.key.first }.map { column in
            "CREATE INDEX \(quoted(dataset.name + "_" + column)) ON \(quoted(dataset.name))(\(quoted(column)));"
        }
    }

    /// `documents_fts`: FTS5 over the documents' title and text (title and
    /// description when the text is left out), reading the text from
    /// `documents` rather than holding a second copy. Words are matched by
    /// their English stem (porter: "flooding" finds "floods"), accents ignored.
    static func fullTextIndex(_ documents: Dataset) -> [String] {
        let columns = fullTextColumns(documents)
        return [
            "CREATE VIRTUAL TABLE \"documents_fts\" USING fts5(\(columns.map(quoted).joined(separator: ", ")), "
                + "content='documents', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2');",
            "INSERT INTO \"documents_fts\"(\"documents_fts\") VALUES ('rebuild');",
        ]
    }

    /// Views over the joins analysts write first, for the datasets present.
    /// The documents' columns the full-text index covers.
    private static func fullTextColumns(_ documents: Dataset) -> [String] {
        ["title", documents.columns.contains { $0.name == "text" } ? "text" : "description"]
    }

    /// Deletes one record's rows from `dataset`: by `doc_id`, or (rejects) by `path`.
    static func deleteRecord(_ dataset: Dataset, byPath: Bool) -> String {
        "DELETE FROM \(quoted(dataset.name)) WHERE \(quoted(byPath ? "path" : "doc_id")) = ?;"
    }

    static let deleteSummaryRow = "DELETE FROM \"entity_summary\" WHERE \"entity_id\" = ?;"

    /// Temporary triggers (not kept in the file) that keep the full-text
    /// index in step while a later run updates the documents table.
    static func fullTextTriggers(_ documents: Dataset) -> [String] {
        let columns = fullTextColumns(documents).map(quoted)
        let list = columns.joined(separator: ", ")
        return [
            "CREATE TEMP TRIGGER \"documents_fts_insert\" AFTER INSERT ON main.\"documents\" BEGIN "
                + "INSERT INTO \"documents_fts\"(rowid, \(list)) VALUES (new.rowid, \(columns.map { "new." + $0 }.joined(separator: ", "))); END;",
            "CREATE TEMP TRIGGER \"documents_fts_delete\" AFTER DELETE ON main.\"documents\" BEGIN "
                + "INSERT INTO \"documents_fts\"(\"documents_fts\", rowid, \(list)) "
                + "VALUES ('delete', old.rowid, \(columns.map { "old." + $0 }.joined(separator: ", "))); END;",
        ]
    }

    static func views(_ names: Set<String>) -> [String] {
        var views: [String] = []
        if names.isSuperset(of: ["documents", "entities", "entity_summary"]) {
            views.append("""
                CREATE VIEW "document_entities" AS
                  SELECT e."doc_id", d."title", d."published_date", d."source", e."entity_id", s."type", s."name",
                         count(*) AS "mentions", min(e."start") AS "first_start"
                  FROM "entities" e JOIN "documents" d ON d."doc_id" = e."doc_id"
                       JOIN "entity_summary" s ON s."entity_id" = e."entity_id"
                  GROUP BY e."doc_id", e."entity_id";
                """)
            views.append("""
                CREATE VIEW "entity_documents" AS
                  SELECT s."entity_id", s."type", s."name", e."doc_id", d."title", d."published_date", d."source",
                         count(*) AS "mentions"
                  FROM "entity_summary" s JOIN "entities" e ON e."entity_id" = s."entity_id"
                       JOIN "documents" d ON d."doc_id" = e."doc_id"
                  GROUP BY s."entity_id", e."doc_id";
                """)
        }
        if names.isSuperset(of: ["documents", "duplicates"]) {
            views.append("""
                CREATE VIEW "duplicate_clusters" AS
                  SELECT m."cluster_id", m."canonical_id", m."doc_id", m."source_path", m."role", m."similarity", m."kind",
                         d."title", d."source", d."published_date"
                  FROM (SELECT DISTINCT "cluster_id", "canonical_id", "canonical_id" AS "doc_id", "canonical_path" AS "source_path",
                               'canonical' AS "role", 1.0 AS "similarity", NULL AS "kind" FROM "duplicates"
                        UNION ALL
                        SELECT "cluster_id", "canonical_id", "doc_id", "source_path", 'copy', "similarity", "kind" FROM "duplicates") m
                       LEFT JOIN "documents" d ON d."doc_id" = m."doc_id";
                """)
        }
        return views
    }

    /// The whole schema for `datasets`: what `newsetl.sqlite` holds once written.
    static func script(_ datasets: [Dataset]) -> String {
        var statements = datasets.map(createTable)
        statements += datasets.flatMap(indexes)
        if let documents = datasets.first(where: { $0.name == "documents" }) { statements += fullTextIndex(documents).prefix(1) }
        statements += views(Set(datasets.map(\.name)))
        return "-- newsetl.sqlite: generated from Sources/NewsETL/Stages/Export/Datasets.swift (do not edit by hand).\n"
            + "PRAGMA application_id = \(applicationID);\nPRAGMA user_version = \(schemaVersion);\n\n"
            + statements.joined(separator: "\n\n") + "\n"
    }
}
