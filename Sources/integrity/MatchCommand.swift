import ArgumentParser
import ExchangeCore
import Foundation

struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match", abstract: "The matching engine on files.", subcommands: [Solve.self, Bench.self, RankBench.self])

    struct Solve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find the assignment maximising Σ scores − penalty × unassigned demand.",
            discussion: """
                E.csv has the header need_id,expert_id,score (score from 0 to 1), or need,expert,score_q (0–10000).
                D.csv: need_id,demand. C.csv: expert_id,capacity. Missing demands and capacities are 1.
                """)

        @Option(help: "Admissible pairs and their scores.") var edges: String
        @Option(help: "Experts wanted per need (default 1).") var demands: String?
        @Option(help: "Concurrent exchanges per expert (default 1).") var capacities: String?
        @Option(help: "Cost of each unassigned unit of demand.") var penalty: Double = 0.2
        @Option(help: "Write the assignment here as need_id,expert_id,score ('-' for standard output).") var out: String?

        func validate() throws {
            guard penalty.isFinite, penalty >= 0 else { throw ValidationError("--penalty must be a number ≥ 0") }
        }

        func run() async throws {
            var input = MatchingInput()
            do {
                try input.readEdges(try Self.text(edges), name: edges)
                if let demands { try input.readDemands(try Self.text(demands), name: demands) }
                if let capacities { try input.readCapacities(try Self.text(capacities), name: capacities) }
            } catch let error as InstanceFormats.ParseError {
                throw ValidationError(error.description)
            }
            let problem = try input.problem(penalty: penalty)
            let solution = AssignmentSolver().solve(problem)
            let scale = Double(MatchingInput.scale)
            print(String(format: "objective: %.6f", Double(solution.objective) / scale))
            print("assigned pairs: \(solution.pairs.count)")
            print("unassigned demand: \(solution.unassignedDemand)")
            if let out { try write(solution, of: input, problem: problem, to: out) }
        }

        private func write(_ s: AssignmentSolver.Solution, of input: MatchingInput, problem: AssignmentProblem, to path: String) throws {
            var text = "need_id,expert_id,score\n"
            for (pair, edge) in zip(s.pairs, s.edges) {
                let score = Double(problem.edgeScore[edge]) / Double(MatchingInput.scale)
                text += "\(input.needIDs[Int(pair.need)]),\(input.expertIDs[Int(pair.expert)]),\(String(format: "%.6f", score))\n"
            }
            if path == "-" {
                FileHandle.standardOutput.write(Data(text.utf8))
            } else {
                do {
                    try text.write(toFile: path, atomically: true, encoding: .utf8)
                } catch {
                    throw ValidationError("cannot write \(path): \(error.localizedDescription)")
                }
            }
        }

        static func text(_ path: String) throws -> String {
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
            guard let text = String(data: data, encoding: .utf8) else { throw ValidationError("\(path) is not UTF-8 text") }
            return text
        }
    }

    struct Bench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time the solve step on a MATCHSP1 instance (build with -c release). Prints one JSON line.")

        @Option(help: "A MATCHSP1 file from ../shared/bench/matching/gen.py.") var instance: String
        @Option(help: "How many timed solves.") var repeats: Int = 5

        func run() async throws {
            guard repeats > 0 else { throw ValidationError("--repeats must be at least 1") }
            guard let data = FileManager.default.contents(atPath: instance) else { throw ValidationError("cannot read \(instance)") }
            let problem: AssignmentProblem
            do {
                problem = try InstanceFormats.matchSP1([UInt8](data), name: instance)
            } catch {
                throw ValidationError(error.description)
            }
            var seconds: [Double] = []
            var solution: AssignmentSolver.Solution?
            let clock = ContinuousClock()
            for _ in 0..<repeats {
                let elapsed = clock.measure { solution = AssignmentSolver().solve(problem) }
                seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }
            let objective = Double(solution!.objective) / Double(problem.scale)
            let times = seconds.map { String(format: "%.4f", $0) }.joined(separator: ",")
            print(#"{"instance":"\#((instance as NSString).lastPathComponent)","needs":\#(problem.needCount),"experts":\#(problem.expertCount),"edges":\#(problem.edgeCount),"objective":\#(String(format: "%.4f", objective)),"unassigned":\#(solution!.unassignedDemand),"seconds":[\#(times)],"best":\#(String(format: "%.4f", seconds.min()!))}"#)
        }
    }
}
