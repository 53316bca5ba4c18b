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
}
