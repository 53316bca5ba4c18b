import Foundation
import Testing
@testable import NewsETL

@Suite struct BuiltInSchemaTests {
    /// `schema/newsetl.xsd` is what users read; the binary carries a copy.
    /// With NEWSETL_RECORD_GOLDEN=1 the copy is rewritten (and the test fails once, for review).
    @Test func theBuiltInSchemaIsTheCheckedInFile() throws {
        let file = try String(contentsOfFile: RepositoryPaths.schema, encoding: .utf8)
        if BuiltInSchema.xsd + "\n" != file, ProcessInfo.processInfo.environment["NEWSETL_RECORD_GOLDEN"] == "1" {
            let source = """
                // Generated from schema/newsetl.xsd; a test fails when the two differ.
                // Re-record with `NEWSETL_RECORD_GOLDEN=1 swift test`.

                /// The XML schema of the outputs, built into the binary so `newsetl verify`
                /// works from any folder and after `make install`.
                public enum BuiltInSchema {
                    public static let xsd = #\"\"\"
                \(file)\"\"\"#
                }

                """
            try source.write(toFile: RepositoryPaths.root + "/Sources/NewsETL/Stages/Export/BuiltInSchema.swift", atomically: true, encoding: .utf8)
        }
        #expect(BuiltInSchema.xsd + "\n" == file, "schema/newsetl.xsd changed: re-record BuiltInSchema.swift")
        _ = try XMLSchemaValidator(schemaText: BuiltInSchema.xsd, name: "built-in")
    }
}
