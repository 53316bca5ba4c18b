import Foundation

/// The final say on an HTML page's blocks: boosted depth-two trees over
/// `BlockFeatures`, trained on pages with gold article text
/// (`newsetl train-clean`) and shipped in the binary (`BlockModelWeights`).
/// Layout's region and verdicts are features here, not gates, so a page
/// whose article is split over sibling containers, or whose class names
/// mislead layout, can still keep its article. Trees rather than one linear
/// score because the facts interact: a block outside the region is article
/// text when its container scores nearly as high, chrome when it does not.
public struct BlockModel: Sendable, Equatable {
    /// A test on one feature: `feature < threshold` goes left.
    public struct Split: Sendable, Equatable {
        public var feature: Int
        public var threshold: Double
    }

    /// A root split, a split under each side, and four leaves (left-left,
    /// left-right, right-left, right-right) holding log-odds.
    public struct Tree: Sendable, Equatable {
        public var root: Split
        public var left: Split
        public var right: Split
        public var leaves: [Double]

        func value(_ features: [Double]) -> Double { leaves[leafIndex(features)] }

        func leafIndex(_ features: [Double]) -> Int {
            if features[root.feature] < root.threshold { return features[left.feature] < left.threshold ? 0 : 1 }
            return features[right.feature] < right.threshold ? 2 : 3
        }
    }

    public var base: Double
    public var trees: [Tree]
    /// A block stays when the model's log-odds that it is article text reach this.
    public var threshold = 0.0

    public init(base: Double, threshold: Double = 0, trees: [Tree]) {
        self.base = base
        self.trees = trees
        self.threshold = threshold
    }

    /// The model built into newsetl.
    public static let shipped = BlockModelWeights.model

    func logOdds(_ features: [Double]) -> Double {
        trees.reduce(base) { $0 + $1.value(features) }
    }

    /// Why each block goes — the layout's reason when it had one, else
    /// `layout:model` — or nil for the blocks the model keeps.
    func removals(features: [[Double]], layoutVerdicts: [String?]) -> [String?] {
        zip(features, layoutVerdicts).map { vector, verdict in
            logOdds(vector) >= threshold ? nil : verdict ?? "layout:model"
        }
    }

    // MARK: - Training

    /// One block with its gold label and how much it counts.
    public struct Example: Sendable {
        public var features: [Double]
        public var isArticle: Bool
        public var weight: Double
    }

    /// Gradient boosting on the weighted logistic loss (Newton leaves,
    /// shrinkage, L2 on leaf values); candidate thresholds are each
    /// feature's distinct values or 32 quantiles, so the same examples in
    /// the same order give the same trees.
    public static func train(_ examples: [Example], rounds: Int = 150, shrinkage: Double = 0.2, l2: Double = 1e-3) -> BlockModel {
        guard !examples.isEmpty else { return BlockModel(base: 0, trees: []) }
        let dimension = BlockFeatures.names.count
        let thresholds = (0..<dimension).map { feature in candidateThresholds(examples.map { $0.features[feature] }) }
        let totalWeight = examples.reduce(0) { $0 + $1.weight }
        let positive = examples.reduce(0) { $0 + ($1.isArticle ? $1.weight : 0) }
        let prior = min(max(positive / totalWeight, 1e-6), 1 - 1e-6)
        var model = BlockModel(base: log(prior / (1 - prior)), trees: [])
        var scores = [Double](repeating: model.base, count: examples.count)
        let regulariser = l2 * totalWeight
        for _ in 0..<rounds {
            var gradients = [Double](repeating: 0, count: examples.count)
            var hessians = [Double](repeating: 0, count: examples.count)
            for (index, example) in examples.enumerated() {
                let p = 1 / (1 + exp(-scores[index]))
                gradients[index] = example.weight * (p - (example.isArticle ? 1 : 0))
                hessians[index] = example.weight * max(p * (1 - p), 1e-6)
            }
            let all = Array(examples.indices)
            guard let root = bestSplit(all, examples, gradients, hessians, thresholds, regulariser) else { break }
            let (leftSide, rightSide) = all.partitioned { examples[$0].features[root.feature] < root.threshold }
            let left = bestSplit(leftSide, examples, gradients, hessians, thresholds, regulariser) ?? root
            let right = bestSplit(rightSide, examples, gradients, hessians, thresholds, regulariser) ?? root
            var sums = [(g: 0.0, h: 0.0), (g: 0.0, h: 0.0), (g: 0.0, h: 0.0), (g: 0.0, h: 0.0)]
            var tree = Tree(root: root, left: left, right: right, leaves: [0, 0, 0, 0])
            for index in all {
                let leaf = tree.leafIndex(examples[index].features)
                sums[leaf].g += gradients[index]
                sums[leaf].h += hessians[index]
            }
            tree.leaves = sums.map { -shrinkage * $0.g / ($0.h + regulariser) }
            for index in all { scores[index] += tree.value(examples[index].features) }
            model.trees.append(tree)
        }
        return model
    }

    private static func candidateThresholds(_ values: [Double]) -> [Double] {
        let distinct = Array(Set(values)).sorted()
        guard distinct.count > 1 else { return [] }
        if distinct.count <= 33 { return Array(distinct.dropFirst()) }
        let sorted = values.sorted()
        var cuts: [Double] = []
        for step in 1..<33 {
            let cut = sorted[step * sorted.count / 33]
            if cut > sorted[0] && cuts.last != cut { cuts.append(cut) }
        }
        return cuts
    }

    /// The split of `members` with the largest gain in the second-order loss.
    private static func bestSplit(_ members: [Int], _ examples: [Example], _ gradients: [Double], _ hessians: [Double],
                                  _ thresholds: [[Double]], _ regulariser: Double) -> Split? {
        var totalG = 0.0, totalH = 0.0
        for index in members { totalG += gradients[index]; totalH += hessians[index] }
        let parentScore = totalG * totalG / (totalH + regulariser)
        var best: (gain: Double, split: Split)?
        for feature in thresholds.indices where !thresholds[feature].isEmpty {
            let cuts = thresholds[feature]
            var binG = [Double](repeating: 0, count: cuts.count + 1)
            var binH = [Double](repeating: 0, count: cuts.count + 1)
            for index in members {
                let value = examples[index].features[feature]
                let low = cuts.partitionPoint { $0 <= value }
                binG[low] += gradients[index]
                binH[low] += hessians[index]
            }
            var leftG = 0.0, leftH = 0.0
            for (cut, threshold) in cuts.enumerated() {
                leftG += binG[cut]
                leftH += binH[cut]
                let rightG = totalG - leftG, rightH = totalH - leftH
                guard leftH > 1e-9, rightH > 1e-9 else { continue }
                let gain = leftG * leftG / (leftH + regulariser) + rightG * rightG / (rightH + regulariser) - parentScore
                if gain > (best?.gain ?? 1e-12) { best = (gain, Split(feature: feature, threshold: threshold)) }
            }
        }
        return best?.split
    }

    /// The model as a Swift source file that ships it in the binary.
    public func swiftSource(trainedOn description: String) -> String {
        func split(_ split: Split) -> String { "(\(split.feature), \(String(format: "%.9g", split.threshold)))" }
        let rows = trees.map { tree in
            "        tree(\(split(tree.root)), \(split(tree.left)), \(split(tree.right)), ["
                + tree.leaves.map { String(format: "%.9g", $0) }.joined(separator: ", ") + "]),"
        }
        return """
            // Generated by `make train-clean` (\(description)). Do not edit.
            // Features by index: \(BlockFeatures.names.enumerated().map { "\($0.offset) \($0.element)" }.joined(separator: ", ")).

            enum BlockModelWeights {
                static let featureCount = \(BlockFeatures.names.count)
                static let model = BlockModel(base: \(String(format: "%.9g", base)), threshold: \(threshold), trees: [
            \(rows.joined(separator: "\n"))
                ])

                private static func tree(_ root: (Int, Double), _ left: (Int, Double), _ right: (Int, Double), _ leaves: [Double]) -> BlockModel.Tree {
                    BlockModel.Tree(root: .init(feature: root.0, threshold: root.1), left: .init(feature: left.0, threshold: left.1),
                                    right: .init(feature: right.0, threshold: right.1), leaves: leaves)
                }
            }

            """
    }
}

private extension Array where Element == Int {
    func partitioned(by isLeft: (Int) -> Bool) -> ([Int], [Int]) {
        var left: [Int] = [], right: [Int] = []
        for element in self { if isLeft(element) { left.append(element) } else { right.append(element) } }
        return (left, right)
    }
}
