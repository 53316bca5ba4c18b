import Testing
@testable import NewsETL

@Suite struct NameVariantTests {
    @Test func acceptsSpellingVariantsOfOneWord() {
        #expect(NameVariant.areVariants("julian smith", "julianne smith"))
        #expect(NameVariant.areVariants("sergei ryabkov", "sergey ryabkov"))
        #expect(NameVariant.areVariants("dmitry peskov", "dmitri peskov"))
        #expect(NameVariant.areVariants("jens stoltenberg", "jens stoltenbreg"))
    }

    @Test func rejectsDifferentNames() {
        #expect(!NameVariant.areVariants("julian smith", "julian smith"))
        #expect(!NameVariant.areVariants("john smith", "jane smith"))
        #expect(!NameVariant.areVariants("anthony blinkenin", "antony blinken"))
        #expect(!NameVariant.areVariants("ann smith", "anne smith"))
        #expect(!NameVariant.areVariants("julian smith", "julian smith jr"))
        #expect(!NameVariant.areVariants("smith", "smyth"))
        #expect(!NameVariant.areVariants("mark smith", "marks smithe"))
    }

    @Test func groupsCandidatesByAllWordsButOne() {
        let groups = NameVariant.candidateGroups(["julian smith", "julianne smith", "anna keller", "julian smith", "julian smyth"])
        #expect(groups == [["julian smith", "julianne smith"], ["julian smith", "julian smyth"]])  // "0|smith" before "1|julian"
    }
}
