import Foundation
import Testing
@testable import NewsETL

@Suite struct XMLSchemaTextTests {
    @Test func theCheckedInSchemaIsTheGeneratedOne() throws {
        expectSnapshot(XMLSchemaText.xsd, at: RepositoryPaths.schema)
        _ = try XMLSchemaValidator(schemaText: XMLSchemaText.xsd, name: "generated")
    }

    @Test func theCheckedInDataDictionaryIsTheGeneratedOne() {
        expectSnapshot(DataDictionaryText.markdown, at: RepositoryPaths.root + "/docs/DATA.md")
    }

    @Test func everyColumnHasADescriptionAndEveryDatasetUniqueColumnNames() {
        for dataset in Datasets.all {
            #expect(Set(dataset.columns.map(\.name)).count == dataset.columns.count, "\(dataset.name)")
            #expect(!dataset.description.isEmpty)
            for column in dataset.columns {
                #expect(column.description.count > 10, "\(dataset.name).\(column.name)")
                #expect(column.description.last == ".", "\(dataset.name).\(column.name)")
            }
            #expect(!dataset.key.isEmpty, "\(dataset.name)")
            for key in dataset.key { #expect(dataset.columns.contains { $0.name == key && !$0.nullable }, "\(dataset.name).\(key)") }
            for column in dataset.columns {
                guard let target = column.references?.split(separator: ".").map(String.init) else { continue }
                let referenced = Datasets.all.first { $0.name == target[0] }
                #expect(referenced?.key == [target[1]], "\(dataset.name).\(column.name) references a key")
            }
        }
    }

    @Test func aColumnIsOneEntryInEveryFormat() throws {
        // A dataset declared with one more column: the writers and the
        // schema follow the declaration, nothing else changes.
        let layout = RowLayout<Rejection>(
            name: "rejects", recordElement: "reject", key: ["path"], description: "Test.",
            fields: Datasets.rejectsLayout.dataset.columns.indices.map { index in
                .init(column: Datasets.rejectsLayout.dataset.columns[index]) { Datasets.rejectsLayout.row($0)[index] }
            } + [.init("detail_length", .integer, unit: "characters", domain: .count, "Characters of the detail.") { .integer($0.detail.count) }])
        let folder = TemporaryFolder()
        let rejection = Rejection(path: "a.bin", reason: .binary, detail: "binary data")
        for format in ExportFormat.fileFormats {
            let writer = try format.makeWriter(for: layout.dataset, folder: folder.path)
            try writer.write(layout.row(rejection))
            _ = try writer.finish()
            try AtomicFile.rename(from: writer.temporaryPath, to: writer.finalPath)
        }
        #expect(folder.read("rejects.csv").hasPrefix("\"path\",\"reason\",\"detail\",\"detail_length\"\r\n"))
        #expect(folder.read("rejects.jsonl").contains(#""detail_length":11}"#))
        let validator = try XMLSchemaValidator(schemaText: XMLSchemaText.generate([layout.dataset]), name: "extended")
        #expect(validator.validate(fileAt: folder.url("rejects.xml")).isEmpty)
        #expect(folder.read("rejects.xml").contains("<detail_length>11</detail_length>"))
    }
}

@Suite struct DataDictionaryTests {
    @Test func listsExactlyTheColumnsAndFilesARunWrites() throws {
        let output = TemporaryFolder()
        _ = try PipelineRunner(config: try IncrementalRunTests.config(input: RepositoryPaths.sampleInput, output: output.path)).run()
        let dictionary = try JSONSerialization.jsonObject(with: Data(output.read("datasets.json").utf8)) as! [String: Any]
        let datasets = dictionary["datasets"] as! [[String: Any]]
        #expect(datasets.map { $0["name"] as! String } == Datasets.names)
        for dataset in datasets {
            let columns = (dataset["columns"] as! [[String: Any]]).map { $0["name"] as! String }
            for file in dataset["files"] as! [String] where file.hasSuffix(".csv") {
                #expect(try CSVParser.parse(Array(output.read(file).utf8)).first == columns, "\(file)")
            }
            for column in dataset["columns"] as! [[String: Any]] {
                #expect(column["example"] is String, "\(dataset["name"]!).\(column["name"]!) has no example")
            }
        }
    }
}
