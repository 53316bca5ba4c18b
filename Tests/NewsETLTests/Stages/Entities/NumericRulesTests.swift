import Foundation
import Testing
@testable import NewsETL

@Suite struct NumericRulesTests {
    private func mentions(_ text: String, published: String? = "2022-01-12") -> [String] {
        NumericRules().mentions(in: Tokenizer.tokens(text), text: Array(text.unicodeScalars), published: published)
            .map { "\($0.kind.rawValue):\($0.text)=\($0.value ?? "-")" }
    }

    @Test func findsAndResolvesDates() {
        #expect(mentions("Talks were held on January 10 in Geneva, and on Monday the Kremlin spoke.") ==
                ["DATE:January 10=2022-01-10", "DATE:Monday=2022-01-10"])
        #expect(mentions("On December 17, 2021, drafts were published; in January 2021 and in 2008 too.") ==
                ["DATE:December 17, 2021=2021-12-17", "DATE:January 2021=2021-01", "DATE:2008=2008"])
        #expect(mentions("Wednesday, January 12, 2022: yesterday's talks, 12 Jan. 2022") ==
                ["DATE:Wednesday=2022-01-12", "DATE:January 12, 2022=2022-01-12", "DATE:yesterday=2022-01-11", "DATE:12 Jan. 2022=2022-01-12"])
        #expect(mentions("The summit in December ended.", published: nil) == ["DATE:December=-"])
    }

    @Test func aDateNeverCrossesAParagraphBreak() {
        // A dateline date, then the time in the next paragraph: not 2000-03-01.
        #expect(mentions("1 March\n\n2000 GMT: the port reopened.") == ["DATE:1 March=2022-03-01", "DATE:2000=2000"])
        #expect(mentions("Filed on January 10,\n\n2021 was a hard year.") == ["DATE:January 10=2022-01-10", "DATE:2021=2021"])
        #expect(mentions("From March 3 and\n\n4 delegates came.").first == "DATE:March 3=2022-03-03")
        // Hard-wrapped wire copy: a single line break inside a paragraph is a space.
        #expect(mentions("profit rose in October\n1986 and on May 16,\n1989.") == ["DATE:October\n1986=1986-10", "DATE:May 16,\n1989=1989-05-16"])
    }

    @Test func aFullStopAfterAMonthEndsTheSentence() {
        #expect(mentions("The talks ended in January. Then came spring.") == ["DATE:January=2022-01"])
        #expect(mentions("Signed 12 Jan. Delegates left.") == ["DATE:12 Jan=2022-01-12"])
        #expect(mentions("Signed Jan. 12 in Geneva.") == ["DATE:Jan. 12=2022-01-12"])
    }

    @Test func aDateWithoutAYearIsTheOccurrenceNearestPublication() {
        #expect(mentions("On December 10 the talks began.", published: "2022-01-11") == ["DATE:December 10=2021-12-10"])
        #expect(mentions("Talks resume on 3 January.", published: "2021-12-20") == ["DATE:3 January=2022-01-03"])
        #expect(mentions("Since December the price rose.", published: "2022-01-11") == ["DATE:December=2021-12"])
        #expect(mentions("The vote is in March.", published: "2022-01-11") == ["DATE:March=2022-03"])
    }

    private func amounts(_ text: String) -> [String] {
        NumericRules().mentions(in: Tokenizer.tokens(text), text: Array(text.unicodeScalars), published: nil)
            .map { "\($0.kind.rawValue):\($0.text)=\($0.value ?? "-") \($0.unit ?? "-")" }
    }

    @Test func moneyCarriesItsCurrencyAndAValueToSum() {
        #expect(amounts("The bank lost £600m and then $1.13bn, or €5 billion.") ==
                ["MONEY:£600m=600000000 GBP", "MONEY:$1.13bn=1130000000 USD", "MONEY:€5 billion=5000000000 EUR"])
        #expect(amounts("It raised US$2.5 million and ¥300bn, Rs 10 crore and 1.5 million dollars.") ==
                ["MONEY:US$2.5 million=2500000 USD", "MONEY:¥300bn=300000000000 JPY", "MONEY:Rs 10 crore=100000000 INR",
                 "MONEY:1.5 million dollars=1500000 USD"])
        #expect(amounts("Shares rose 50 cents to 20 euros; HK$3 and EUR 40 million changed hands.") ==
                ["MONEY:50 cents=0.5 -", "MONEY:20 euros=20 EUR", "MONEY:HK$3=3 HKD", "MONEY:EUR 40 million=40000000 EUR"])
    }

    @Test func readsAScaleWordWrittenAgainstTheNumber() {
        #expect(amounts("The club's £17million record signing.") == ["MONEY:£17million=17000000 GBP"])
    }

    @Test func aCapitalisedNameAfterANumberIsNotMoney() {
        #expect(amounts("The rapper 50 Cent and the band 10 Pounds played.") == [])
        #expect(amounts("QTR NET 5 MLN DLRS") == ["MONEY:5 MLN DLRS=5000000 USD"])
    }

    @Test func percentagesAndQuantitiesCarryTheirUnit() {
        #expect(amounts("Up 10.5 pct over 7.5 hours and 12 km; 3,000 troops left.") ==
                ["PERCENT:10.5 pct=10.5 %", "QUANTITY:7.5 hours=7.5 hours", "QUANTITY:12 km=12 km", "QUANTITY:3,000 troops=3000 troops"])
    }

    @Test func leavesMayTheVerbAlone() {
        #expect(mentions("Russia may use gas supplies, officials said on May 3.") == ["DATE:May 3=2022-05-03"])
    }

    @Test func findsTimesMoneyPercentagesAndQuantities() {
        #expect(mentions("At 10:20 and again at 6 p.m. the talks resumed.") == ["TIME:10:20=10:20", "TIME:6 p.m=18:00"])
        #expect(mentions("It costs $60,000 or 40 million euros, up 10.5 pct (5 per cent).") ==
                ["MONEY:$60,000=60000", "MONEY:40 million euros=40000000", "PERCENT:10.5 pct=10.5", "PERCENT:5 per cent=5"])
        #expect(mentions("About 100,000 troops waited for 7.5 hours; 3,000 troops left.") ==
                ["QUANTITY:100,000 troops=100000", "QUANTITY:7.5 hours=7.5", "QUANTITY:3,000 troops=3000"])
    }

    @Test func offsetsSliceTheText() {
        let text = "Café talks on “January 11” cost €2.5 million over 8 hours."
        let scalars = Array(text.unicodeScalars)
        for mention in NumericRules().mentions(in: Tokenizer.tokens(text), text: scalars, published: nil) {
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: scalars[mention.start..<mention.end])
            #expect(String(slice) == mention.text)
        }
    }

    /// The law behind `mayStartMention`: a token it skips starts no date,
    /// time or amount. Checked on every token of the sample reports and on
    /// words at the edges of the filter.
    @Test func aTokenTheFilterSkipsStartsNoMention() throws {
        var texts = ["""
            today Today TODAY tODAY yesterday. noon Midnight midday three Hundreds dozens thousands $5 US$3 Rs. 10 \
            EUR 4 1st 2nd ½ ٣ May may e.g. x. ÉTÉ €5 £3 ₹9 ¥2 ₽7 2022-01-05 tomorrow's one-two ten, twelve. a.m. p.m. \
            Jan. 12 12 Jan. 2022 at 6 p.m. and 10:20; 50 cents, 40 million euros, 10.5 pct, 3,000 troops. \
            Sept. 3, Tuesday, Noon, Three, HK$3, NT$5, A$2, USD 5, Geneva, Kremlin, MONDAY.
            """]
        let enumerator = try #require(FileManager.default.enumerator(atPath: RepositoryPaths.sampleInput))
        while let path = enumerator.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: RepositoryPaths.sampleInput + "/" + path) {
                texts.append(String(decoding: data, as: UTF8.self))
            }
        }
        let rules = NumericRules()
        var skipped = 0
        for text in texts {
            let tokens = Tokenizer.tokens(text)
            let scalars = Array(text.unicodeScalars)
            for index in tokens.indices where !NumericRules.mayStartMention(tokens[index].text) {
                skipped += 1
                #expect(rules.date(tokens, index, scalars: scalars, reference: 19_000) == nil, "\(tokens[index].text)")
                #expect(rules.time(tokens, index) == nil, "\(tokens[index].text)")
                #expect(rules.amount(tokens, index) == nil, "\(tokens[index].text)")
            }
        }
        #expect(skipped > 1_000)
    }
}
