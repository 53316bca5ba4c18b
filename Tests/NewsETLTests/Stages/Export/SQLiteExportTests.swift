import Foundation
import Testing
@testable import NewsETL

@Suite struct SQLiteExportTests {
    /// The sample input through the whole pipeline, in every format.
    private static func run(workers: Int = 2) throws -> TemporaryFolder {
        let output = TemporaryFolder()
        var config = try PipelineConfig.testing("""
            {"stages": [{"name": "decode"}, {"name": "clean"}, {"name": "dedupe"},
                        {"name": "entities"}, {"name": "export"}]}
            """)
        config.input.path = RepositoryPaths.sampleInput
        config.outputPath = output.path
        config.workers = workers
        _ = try PipelineRunner(config: config).run()
        return output
    }

    private static func integer(_ rows: [[FieldValue]]) -> Int? {
        if case .integer(let value) = rows.first?.first { value } else { nil }
    }

    @Test func schemaFileIsCurrent() {
        expectSnapshot(SQLiteSchemaText.script(Datasets.all), at: RepositoryPaths.root + "/schema/newsetl.sql")
    }

    @Test func holdsEveryCSVRowWithTheDeclaredTypes() throws {
        let output = try SQLiteExportTests.run()
        let database = try SQLiteDatabase(path: output.url("newsetl.sqlite"))
        for dataset in Datasets.all {
            let csv = try CSVParser.parse(Array(output.read("\(dataset.name).csv").utf8))
            let rows = SQLiteExportTests.integer(try database.rows("SELECT count(*) FROM \"\(dataset.name)\";"))
            #expect(rows == csv.count - 1, "\(dataset.name): table rows equal the CSV's records")
            #expect(rows ?? 0 > 0, "\(dataset.name) is not empty on the sample input")
            for column in dataset.columns {
                let stored = try database.rows("SELECT DISTINCT typeof(\"\(column.name)\") FROM \"\(dataset.name)\";")
                    .compactMap { $0.first?.plainText }
                let expected: Set<String> = switch column.type {
                case .integer, .boolean: ["integer"]
                case .number: ["real"]
                default: ["text"]
                }
                #expect(Set(stored).subtracting(["null"]).isSubset(of: expected), "\(dataset.name).\(column.name): \(stored)")
                if !column.nullable { #expect(!stored.contains("null"), "\(dataset.name).\(column.name) is never null") }
            }
        }
        #expect(try database.rows("PRAGMA foreign_key_check;").isEmpty)
        #expect(SQLiteExportTests.integer(try database.rows("PRAGMA user_version;")) == SQLiteSchemaText.schemaVersion)
        // Integers compare as numbers, not as text (max of text would be "99…").
        let maxWords = SQLiteExportTests.integer(try database.rows("SELECT max(word_count) FROM documents;"))
        let csvMax = try CSVParser.parse(Array(output.read("documents.csv").utf8)).dropFirst()
            .compactMap { Int($0[Datasets.documentsLayout.dataset.columns.firstIndex { $0.name == "word_count" }!]) }.max()
        #expect(maxWords == csvMax)
    }

    @Test func fullTextSearchFindsAKnownDocumentWithASnippet() throws {
        let output = try SQLiteExportTests.run()
        let database = try SQLiteDatabase(path: output.url("newsetl.sqlite"))
        let hits = try database.rows("""
            SELECT d.source_path, snippet(documents_fts, 1, '[', ']', '…', 6)
            FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
            WHERE documents_fts MATCH 'ferry AND resumes' ORDER BY rank;
            """)
        #expect(hits.first?.first == .text("web/gazette-ferries-resume.html"))
        #expect(hits.first?.last?.plainText?.contains("[") == true)
    }

    @Test func viewsJoinDocumentsEntitiesAndClusters() throws {
        let output = try SQLiteExportTests.run()
        let database = try SQLiteDatabase(path: output.url("newsetl.sqlite"))
        let mentions = SQLiteExportTests.integer(try database.rows("SELECT count(*) FROM entities;"))
        let viaView = SQLiteExportTests.integer(try database.rows("SELECT sum(mentions) FROM document_entities;"))
        #expect(mentions == viaView)
        let byEntity = SQLiteExportTests.integer(try database.rows("SELECT sum(mentions) FROM entity_documents;"))
        #expect(byEntity == mentions)
        let brandvik = try database.rows("SELECT count(DISTINCT doc_id) FROM entity_documents WHERE name = 'Ilse Brandvik';")
        let summary = try database.rows("SELECT documents + copies FROM entity_summary WHERE name = 'Ilse Brandvik';")
        #expect(SQLiteExportTests.integer(brandvik) == SQLiteExportTests.integer(summary))
        let members = try database.rows("SELECT role, count(*) FROM duplicate_clusters GROUP BY role ORDER BY role;")
        #expect(members == [[.text("canonical"), .integer(1)], [.text("copy"), .integer(3)]])
    }

    @Test func isByteIdenticalWhateverTheWorkerCount() throws {
        let one = try SQLiteExportTests.run(workers: 1), four = try SQLiteExportTests.run(workers: 4)
        let first = FileManager.default.contents(atPath: one.url("newsetl.sqlite"))
        #expect(first != nil && first == FileManager.default.contents(atPath: four.url("newsetl.sqlite")))
    }

    @Test func leavesNothingBehindOnAbort() throws {
        let folder = TemporaryFolder()
        let session = try ExportStage(formats: [.sqlite]).openSession(folder: folder.path)
        try session.write(ExportSessionTests.documents[0])
        session.abort()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
