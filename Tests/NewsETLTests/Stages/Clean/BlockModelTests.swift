import Testing
@testable import NewsETL

@Suite struct BlockModelTests {
    /// Blocks labelled by one feature: the trees find that feature and
    /// separate the classes; the same examples give the same model.
    @Test func learnsASeparatingFeatureDeterministically() {
        var examples: [BlockModel.Example] = []
        for index in 0..<200 {
            var features = [Double](repeating: 0, count: BlockFeatures.names.count)
            features[0] = 1
            features[5] = Double(index % 10) / 10
            features[6] = Double(index % 7) / 7
            examples.append(BlockModel.Example(features: features, isArticle: features[5] >= 0.5, weight: 1))
        }
        let model = BlockModel.train(examples, rounds: 20)
        #expect(model == BlockModel.train(examples, rounds: 20))
        #expect(model.trees.first?.root.feature == 5)
        let verdicts = model.removals(features: examples.map(\.features), layoutVerdicts: examples.map { _ in nil })
        for (example, verdict) in zip(examples, verdicts) {
            #expect((verdict == nil) == example.isArticle)
        }
    }

    @Test func theShippedModelReadsTheFeaturesThisVersionComputes() {
        #expect(BlockModelWeights.featureCount == BlockFeatures.names.count)
        let model = BlockModel.shipped
        #expect(!model.trees.isEmpty)
        for tree in model.trees {
            for split in [tree.root, tree.left, tree.right] { #expect(split.feature < BlockFeatures.names.count) }
            #expect(tree.leaves.count == 4)
        }
    }

    @Test func writesItselfAsSwiftSource() {
        let model = BlockModel(base: 0.25, threshold: 0.5, trees: [
            BlockModel.Tree(root: .init(feature: 2, threshold: 1), left: .init(feature: 5, threshold: 0.4),
                            right: .init(feature: 1, threshold: 1), leaves: [0.5, -0.25, 0.125, -1]),
        ])
        let source = model.swiftSource(trainedOn: "test")
        #expect(source.contains("static let featureCount = \(BlockFeatures.names.count)"))
        #expect(source.contains("BlockModel(base: 0.25, threshold: 0.5, trees: ["))
        #expect(source.contains("tree((2, 1), (5, 0.4), (1, 1), [0.5, -0.25, 0.125, -1]),"))
    }
}

/// Page classes the block model and the layout hints must get right on
/// sites nobody tuned for.
@Suite struct PageClassTests {
    private func clean(_ html: String) throws -> Document {
        let folder = TemporaryFolder()
        folder.write("page.html", html)
        let decoded = try DecodeStage().decode(InputFile(relativePath: "page.html", absolutePath: folder.url("page.html")), maxFileBytes: 1 << 20).get()
        guard case .keep(let cleaned) = CleanStage().process(decoded) else {
            Issue.record("rejected")
            return decoded
        }
        return cleaned
    }

    private static let opening = """
        <p>The port of Valmora reopened on Thursday morning, two days after a storm surge flooded the harbour district and closed the terminal to all traffic.</p>
        <p>Divers found no structural damage to the main quay, the coast guard said, and the first container ship berthed shortly after nine in the morning.</p>
        <p>Harbour master Elena Ruiz said the pilots had worked through the night to check the channel, and that ferries would follow on Friday if the wind dropped.</p>
        """

    /// An article split over sibling containers by an advertisement keeps its continuation.
    @Test func keepsAnArticleSplitOverSiblingContainers() throws {
        let cleaned = try clean("""
            <html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <div class="story">
              <div class="text-block">\(PageClassTests.opening)</div>
              <div class="inline-ad">Advertisement</div>
              <div class="text-block"><p>The council will decide on Friday how to spend the emergency fund, with the sea wall competing for money.</p></div>
            </div>
            <footer>© 2025 Valmora Gazette</footer></body></html>
            """)
        #expect(cleaned.text.contains("Divers found no structural damage"))
        #expect(cleaned.text.contains("The council will decide on Friday"))
        #expect(!cleaned.text.contains("Advertisement"))
        #expect(!cleaned.text.contains("Valmora Gazette"))
    }

    /// An embedded post quotes a source; its class names the network, not a share bar.
    @Test func keepsAnEmbeddedPost() throws {
        let cleaned = try clean("""
            <html><body><article>\(PageClassTests.opening)
            <blockquote class="twitter-tweet"><p>All berths at Valmora are open again after Tuesday's storm surge. Thanks to every crew who worked through the night.</p>&mdash; Port of Valmora (@valmoraport) <a href="https://twitter.com/valmoraport/status/1">March 6, 2025</a></blockquote>
            <div class="share-tools"><a href="#">Share</a> <a href="#">Tweet</a></div>
            </article></body></html>
            """)
        #expect(cleaned.text.contains("All berths at Valmora are open again"))
        #expect(!cleaned.text.contains("Share Tweet"))
    }

    /// Captions and photo credits go by default; the sentences around them stay.
    @Test func dropsCaptionsAndPhotoCredits() throws {
        let cleaned = try clean("""
            <html><body><article>\(PageClassTests.opening)
            <figure><img src="quay.jpg"><figcaption>The main quay on Thursday morning. Photo: Marta Vidal / Valmora Gazette</figcaption></figure>
            <p>The council will decide on Friday how to spend the emergency fund, with the sea wall competing for money.</p>
            </article></body></html>
            """)
        #expect(!cleaned.text.contains("Photo: Marta Vidal"))
        #expect(cleaned.removed.contains { $0.rule == "layout:figure" && $0.text.contains("Photo: Marta Vidal") })
        #expect(cleaned.text.contains("The council will decide on Friday"))
    }

    /// Chinese pages have no spaces between words; their paragraphs are still running text.
    @Test func keepsAChineseArticle() throws {
        let cleaned = try clean("""
            <html><body><div class="nav"><a href="/">首页</a> <a href="/news">新闻</a></div>
            <div class="content"><p>周四上午，瓦尔莫拉港在风暴潮淹没港区两天后重新开放，码头恢复运营。</p>
            <p>潜水员在主码头没有发现结构性损坏，海岸警卫队表示，第一艘集装箱船在九点后靠泊。</p></div>
            <div class="footer">版权所有 © 2025</div></body></html>
            """)
        #expect(cleaned.text.contains("潜水员在主码头没有发现结构性损坏"))
        #expect(!cleaned.text.contains("版权所有"))
        #expect(cleaned.wordCount > 60)
    }
}
