import Testing
@testable import NewsETL

@Suite struct PathResolutionTests {
    @Test(arguments: [
        ("/tmp/o/", "/tmp/o"), ("/tmp//o/./x/..", "/tmp/o"), ("out/", "out"), ("./out", "out"), ("", "."),
        ("/..", "/"), ("/", "/"), ("../a/../b", "../b"), ("a/../..", ".."),
    ])
    func normalizesOneSpellingPerFolder(path: String, expected: String) {
        #expect(PathResolution.normalize(path) == expected)
    }

    @Test func resolvesRelativePathsAgainstTheConfigFolder() {
        #expect(PathResolution.resolve("out/", against: "/etc/newsetl/") == "/etc/newsetl/out")
        #expect(PathResolution.resolve("/data/out/", against: "/etc/newsetl") == "/data/out")
        #expect(PathResolution.resolve("../out", against: "/etc/newsetl") == "/etc/out")
    }

    @Test func confinedPathsStayBelowTheirBase() {
        #expect(PathResolution.confined(".state/") == ".state")
        #expect(PathResolution.confined("a/../b") == "b")
        #expect(PathResolution.confined("/var/state") == nil)
        #expect(PathResolution.confined("../state") == nil)
        #expect(PathResolution.confined("a/../..") == nil)
        #expect(PathResolution.confined("./") == nil)
    }

    @Test func insideMeansBelowNotBeside() {
        #expect(PathResolution.isInside("/in/out", folder: "/in"))
        #expect(!PathResolution.isInside("/input", folder: "/in"))
        #expect(!PathResolution.isInside("/in", folder: "/in"))
        #expect(PathResolution.isInside("/in", folder: "/"))
    }
}
