import Foundation
import Testing
@testable import NewsETL

@Suite struct WordClustersTests {
    /// Words that stand in the same places in news text share a fine
    /// cluster; coarser levels are shared whenever the fine one is.
    @Test func groupsClubsWithClubsAndCompaniesWithCompanies() throws {
        let clusters = WordClusters.shared
        let chelsea = try #require(clusters.path("chelsea")), everton = try #require(clusters.path("everton"))
        let microsoft = try #require(clusters.path("microsoft")), netscape = try #require(clusters.path("netscape"))
        #expect(chelsea == everton)
        #expect(microsoft == netscape)
        #expect(chelsea.fine != microsoft.fine)
        #expect(clusters.path("valmoraport") == nil)
    }

    @Test func readsOneWordAndItsFineClusterPerLine() {
        let clusters = WordClusters(table: "new york 3\nharbour 7\nbroken line\n")
        #expect(clusters.path("new york")?.fine == 3)
        #expect(clusters.path("harbour") == WordClusters.Path(fine: 7, middle: WordClusterData.middle[7], coarse: WordClusterData.coarse[7]))
        #expect(clusters.path("broken") == nil)
        let odd = WordClusters(table: "\n\nplus +9\nbig 70000\nspace \nnospace\nlast 12")
        #expect(odd.path("plus")?.fine == 9 && odd.path("big") == nil && odd.path("space") == nil && odd.path("last")?.fine == 12)
    }

    /// Looking words up by their bytes finds what a dictionary of strings
    /// finds: a word listed twice takes its last cluster, and another form
    /// of the same characters (NFD, in the table or asked) is the same word.
    @Test func findsWhatADictionaryOfStringsFinds() {
        let table = "café 3\nzoë 4\nnai\u{0308}ve 5\nharbour 6\nharbour 8\n"
        let clusters = WordClusters(table: table)
        for (word, fine) in [("café", 3), ("cafe\u{0301}", 3), ("zoe\u{0308}", 4), ("zoë", 4), ("naïve", 5), ("nai\u{0308}ve", 5), ("harbour", 8)] {
            #expect(clusters.path(word)?.fine == UInt16(fine), "\(word)")
        }
        #expect(clusters.path("cafe") == nil && clusters.path("Café") == nil && clusters.path("") == nil)
        var byString: [String: UInt16] = [:]
        for line in WordClusterData.table.split(separator: "\n") {
            guard let space = line.lastIndex(of: " "), let fine = UInt16(line[line.index(after: space)...]) else { continue }
            byString[String(line[..<space])] = fine
        }
        let shared = WordClusters.shared
        for (word, fine) in byString { #expect(shared.path(word)?.fine == fine, "\(word)") }
        for word in byString.keys where !word.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(shared.path(word.decomposedStringWithCanonicalMapping)?.fine == byString[word], "\(word)")
        }
    }
}
