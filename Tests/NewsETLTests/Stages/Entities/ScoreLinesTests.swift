import Testing
@testable import NewsETL

@Suite struct ScoreLinesTests {
    static let results = """
        SOCCER - ENGLISH PREMIER LEAGUE RESULTS
        LONDON 1996-08-24
        Results of English premier league matches on Saturday:
        Chelsea 2 Southampton 0
        Aston Villa 3 ( Yorke 12 , Milosevic 60 ) Derby 1
        LEEDS 0 NEWCASTLE 1
        Standings (tabulate under played, won, drawn, lost, goals for, against, points):
        Newcastle 3 3 0 0 7 1 9
        Sheffield Wednesday 3 2 1 0 5 1 7
        """

    private func names(_ text: String, _ kind: EntityMention.Kind) -> [String] {
        EntityExtractor(tagger: .builtIn).mentions(in: text, published: "1996-08-24").map(\.mention).filter { $0.kind == kind }.map(\.text)
    }

    /// Teams named after their cities are organisations in score lines and standings, in any case.
    @Test func readsTeamsFromScoreLinesAndStandings() {
        let organisations = names(Self.results, .organization)
        for team in ["Chelsea", "Southampton", "Aston Villa", "Derby", "LEEDS", "NEWCASTLE", "Newcastle", "Sheffield Wednesday"] {
            #expect(organisations.contains(team), "\(team) is not an organisation: \(organisations)")
        }
        #expect(!organisations.contains("Yorke") && !organisations.contains("LONDON"))
    }

    /// Prose with numbers is not a score line.
    @Test func leavesProseAlone() {
        let text = "Officials said 12 people were hurt in Leeds on Monday.\nLeeds 2 streets were closed and traffic moved slowly.\nParis 3 March."
        #expect(ScoreLines.teams(in: Tokenizer.tokens(text), text: Array(text.unicodeScalars)).isEmpty)
    }
}
