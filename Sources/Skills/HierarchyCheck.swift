/// Cycle detection for imported hierarchies, which must be trees (or forests) for narrower-concept expansion.
enum HierarchyCheck {
    /// The items that are their own ancestors, in the order of `edges`, each once.
    static func codesInCycles(_ edges: [FrameworkEdge]) -> [String] {
        var parents: [String: [String]] = [:]
        for edge in edges { parents[edge.child, default: []].append(edge.parent) }
        var cyclic: [String] = []
        var reported = Set<String>()
        for child in edges.map(\.child) where !reported.contains(child) {
            var stack = parents[child] ?? []
            var visited = Set<String>()
            while let next = stack.popLast() {
                if next == child {
                    cyclic.append(child)
                    reported.insert(child)
                    break
                }
                if visited.insert(next).inserted { stack.append(contentsOf: parents[next] ?? []) }
            }
        }
        return cyclic
    }
}
