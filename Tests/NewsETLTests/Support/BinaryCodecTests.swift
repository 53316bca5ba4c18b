import Testing
@testable import NewsETL

@Suite struct BinaryCodecTests {
    @Test func readsTheVersionAFileWasWrittenIn() {
        let format = BinaryFormat(name: "ROW-SPANS", version: 2)
        #expect(format.writtenVersion(Array("NEWSETL-ROW-SPANS-1\nrest".utf8)) == 1)
        #expect(format.writtenVersion(format.header) == 2)
        #expect(format.writtenVersion(Array("NEWSETL-RECORDS-1\n".utf8)) == nil)
        #expect(format.writtenVersion(Array("NEWSETL-ROW-SPANS-\n".utf8)) == nil)
        #expect(format.writtenVersion([]) == nil)
    }

    static let document: Document = {
        var document = Document(docID: "doc-0123456789abcdef", sourcePath: "wire/a.txt", sha256: String(repeating: "ab", count: 32),
                                byteCount: 120, encoding: "utf-8", format: .html, title: "Storm surge", published: "2025-03-05",
                                source: "Wire", canonicalURL: nil, text: "Storm surge hits Leeds.\n\nÉmile Durand said so.", wordCount: 8,
                                duplicateCluster: DuplicateCluster(clusterID: "cluster-1", canonicalID: "doc-1", similarity: 0.93),
                                blocks: [TextBlock(tag: "p", characters: 23, linkCharacters: 0, ancestors: [1, 2],
                                                   ancestorHints: [LayoutHint(rawValue: 3), LayoutHint(rawValue: 0)], blockDepth: 2)])
        document.removed = [RemovedParagraph(index: 2, start: 40, end: 52, text: "Leave a Reply", rule: "comments")]
        document.entities = [EntityRecord(mention: EntityMention(kind: .person, text: "Émile Durand", start: 25, end: 37, value: nil),
                                          sentence: 1, canonical: "Émile Durand", entityID: "ent-000000000001")]
        return document
    }()

    @Test func aDocumentRoundTrips() throws {
        var writer = BinaryWriter()
        writer.document(Self.document)
        var reader = BinaryReader(bytes: writer.bytes)
        #expect(try reader.document() == Self.document)
        #expect(reader.isAtEnd)
    }

    @Test func everyTruncationAndEveryFlippedByteIsDamageNotACrash() {
        var writer = BinaryWriter()
        writer.document(Self.document)
        let bytes = writer.bytes
        for length in 0..<bytes.count {
            var reader = BinaryReader(bytes: Array(bytes.prefix(length)))
            #expect(throws: BinaryReader.Damage.self) { _ = try reader.document() }
        }
        for index in bytes.indices {
            for flip: UInt8 in [0x01, 0x80, 0xFF] {
                var damaged = bytes
                damaged[index] ^= flip
                var reader = BinaryReader(bytes: damaged)
                // Either damage is found or some value differs; never a trap or a huge allocation.
                _ = try? reader.document()
            }
        }
    }

    @Test func aCountBeyondTheDataIsDamage() {
        var writer = BinaryWriter()
        writer.integer(Int.max)
        var reader = BinaryReader(bytes: writer.bytes)
        #expect(throws: BinaryReader.Damage.self) { _ = try reader.string() }
        var negative = BinaryReader(bytes: BinaryWriter().bytes + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        #expect(throws: BinaryReader.Damage.self) { _ = try negative.count() }
    }

    @Test func readsNothingPastItsEnd() throws {
        var writer = BinaryWriter()
        writer.integer(7)
        writer.string("kept")
        let trailer: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3]
        var reader = BinaryReader(bytes: writer.bytes + trailer, end: writer.bytes.count)
        #expect(try reader.integer() == 7)
        #expect(try reader.string() == "kept")
        #expect(reader.isAtEnd)
        #expect(throws: BinaryReader.Damage.self) { _ = try reader.integer() }
        #expect(throws: BinaryReader.Damage.self) { _ = try reader.byte() }
        var counted = BinaryReader(bytes: [3, 0, 0, 0, 0, 0, 0, 0, 0x61, 0x62] + [0x63, 0x64], end: 10)
        #expect(throws: BinaryReader.Damage.self) { _ = try counted.string() }
    }

    @Test func theHeaderNamesAnotherVersion() {
        let format = BinaryFormat(name: "RECORDS", version: 2)
        #expect(throws: Never.self) { _ = try format.checkHeader(Array("NEWSETL-RECORDS-2\nrest".utf8)) }
        do {
            _ = try format.checkHeader(Array("NEWSETL-RECORDS-1\nrest".utf8))
            Issue.record("version 1 accepted")
        } catch {
            #expect(error.description == "written as RECORDS version 1, this release reads version 2")
        }
        #expect(throws: BinaryReader.Damage.self) { _ = try format.checkHeader(Array("%PDF-1.4".utf8)) }
    }
}
