import Testing
@testable import NewsETL

@Suite struct SpilledSignaturesTests {
    /// Ten signatures of eight values in blocks of three: three blocks on
    /// disk, one document still in memory.
    private func spilled(in folder: TemporaryFolder) -> (SpilledSignatures, [[UInt32]]) {
        let signatures = (0..<10).map { document in (0..<8).map { UInt32(document * 100 + $0) } }
        let spill = SpilledSignatures(hashCount: 8, bandWidth: 2, folder: folder.url("state"), blockSize: 3)
        for signature in signatures { spill.append(signature) }
        return (spill, signatures)
    }

    @Test func givesBackEachSignatureWrittenOrPending() {
        let folder = TemporaryFolder()
        let (spill, signatures) = spilled(in: folder)
        #expect(spill.count == 10)
        #expect((0..<10).map(spill.signature) == signatures)
        #expect(spill.failure == nil)
    }

    @Test func readsEachBandOfEveryDocumentInOrder() {
        let folder = TemporaryFolder()
        let (spill, signatures) = spilled(in: folder)
        for band in 0..<4 {
            var seen: [(Int, [UInt32])] = []
            spill.forEachBand(band) { index, values in seen.append((index, Array(values))) }
            #expect(seen.map(\.0) == Array(0..<10))
            #expect(seen.map(\.1) == signatures.map { Array($0[(2 * band)..<(2 * band + 2)]) })
        }
    }

    @Test func countsAgreeingPositionsOnDiskAndInMemory() {
        let folder = TemporaryFolder()
        let spill = SpilledSignatures(hashCount: 4, bandWidth: 2, folder: folder.path, blockSize: 3)
        // The first three are written; the last two stay in memory.
        for signature: [UInt32] in [[1, 2, 3, 4], [1, 9, 3, 9], [7, 7, 7, 7], [1, 7, 3, 7], [7, 2, 7, 4]] { spill.append(signature) }
        #expect(spill.agreement(0, 1) == 2)
        #expect(spill.agreement(1, 2) == 0)
        #expect(spill.agreement(0, 0) == 4)
        #expect(spill.agreement(3, 4) == 0)
        #expect(spill.agreement(2, 4) == 2)
        #expect(spill.agreement(4, 0) == 2)
        #expect(spill.agreement(1, 3) == 2)
    }

    @Test func leavesNoFileBehind() throws {
        let folder = TemporaryFolder()
        _ = spilled(in: folder)
        #expect(try FileSystem.listDirectory(folder.url("state")).isEmpty)
    }

    @Test func keepsTheFailureWhenTheFileCannotBeMade() {
        let folder = TemporaryFolder()
        folder.write("state", "a file where the folder should be")
        let spill = SpilledSignatures(hashCount: 2, bandWidth: 1, folder: folder.url("state"), blockSize: 1)
        spill.append([5, 6])
        spill.append([7, 8])
        #expect(spill.failure != nil)
        #expect(spill.signature(0) == [0, 0])
    }
}
