import Testing
@testable import NewsETL

@Suite struct LanguageIdentifierTests {
    @Test(arguments: [
        ("en", "The storm surge flooded the harbour district overnight, and the council said the coastal road would stay closed until Friday."),
        ("de", "Die Sturmflut überschwemmte in der Nacht das Hafenviertel, und der Stadtrat teilte mit, dass die Küstenstraße bis Freitag gesperrt bleibt."),
        ("fr", "La tempête a inondé le quartier du port pendant la nuit, et le conseil municipal a annoncé que la route côtière resterait fermée jusqu'à vendredi."),
        ("es", "La marejada inundó el barrio del puerto durante la noche y el ayuntamiento dijo que la carretera de la costa seguirá cerrada hasta el viernes."),
        ("zh", "风暴潮在夜间淹没了港口区，市议会表示沿海公路将关闭到星期五。居民被要求留在家中，等待进一步通知。"),
        ("ja", "高潮が夜の間に港の地区を浸水させ、市議会は沿岸道路を金曜日まで閉鎖すると発表した。住民は自宅に留まるよう求められている。"),
        ("he", "גל הסערה הציף בלילה את רובע הנמל, ומועצת העיר הודיעה כי כביש החוף יישאר סגור עד יום שישי."),
    ])
    func namesTheLanguageOfAParagraph(code: String, text: String) {
        #expect(LanguageIdentifier.identify(text) == code)
    }

    @Test(arguments: ["", "OK", "12 345 678", "Lorem ipsum dolor sit amet, consectetur adipiscing elit."])
    func isUndeterminedWithoutEvidence(text: String) {
        #expect(LanguageIdentifier.identify(text) == "und")
    }

    @Test func readsOnlyTheStartOfAHugeTextAndNeverSplitsACharacter() {
        // The cut at 64 KiB falls inside a three-byte character.
        let text = String(repeating: "a", count: LanguageIdentifier.examinedBytes - 1) + String(repeating: "風暴潮在夜間淹沒了港口區。", count: 1000)
        #expect(LanguageIdentifier.identify(text) == "und")
        let german = String(repeating: "Die Sturmflut überschwemmte das Hafenviertel in der Nacht. ", count: 3000)
        #expect(LanguageIdentifier.identify(german) == "de")
    }

    @Test func mapsCLD2CodesToISO6391() {
        #expect(LanguageIdentifier.isoCode("iw") == "he")
        #expect(LanguageIdentifier.isoCode("zh-Hant") == "zh")
        #expect(LanguageIdentifier.isoCode("un") == "und")
        #expect(LanguageIdentifier.isoCode("haw") == "haw")
    }
}
