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
        @Flag(help: "Print where the time goes (read, build, solve, write) to standard error.") var timing = false

        func validate() throws {
            guard penalty.isFinite, penalty >= 0 else { throw ValidationError("--penalty must be a number ≥ 0") }
        }

        func run() async throws {
            var clock = PhaseClock()
            var input = MatchingInput()
            do {
                try Self.withBytes(of: edges) { try input.readEdges($0, name: edges) }
                if let demands { try Self.withBytes(of: demands) { try input.readDemands($0, name: demands) } }
                if let capacities { try Self.withBytes(of: capacities) { try input.readCapacities($0, name: capacities) } }
            } catch let error as InstanceFormats.ParseError {
                throw ValidationError(error.description)
            }
            clock.lap("read")
            let problem = try input.problem(penalty: penalty)
            clock.lap("build")
            let solution = AssignmentSolver().solve(problem)
            clock.lap("solve")
            let scale = Double(MatchingInput.scale)
            print(String(format: "objective: %.6f", Double(solution.objective) / scale))
            print("assigned pairs: \(solution.pairs.count)")
            print("unassigned demand: \(solution.unassignedDemand)")
            if let out { try write(solution, of: input, problem: problem, to: out) }
            clock.lap("write")
            if timing { FileHandle.standardError.write(Data((clock.report + "\n").utf8)) }
        }

        private func write(_ s: AssignmentSolver.Solution, of input: MatchingInput, problem: AssignmentProblem, to path: String) throws {
            var text = "need_id,expert_id,score\n"
            let needIDs = input.needIDs, expertIDs = input.expertIDs
            for (pair, edge) in zip(s.pairs, s.edges) {
                text += needIDs[Int(pair.need)] + "," + expertIDs[Int(pair.expert)] + "," + Self.sixDecimals(problem.edgeScore[edge]) + "\n"
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

        /// A score in millionths as `%.6f` writes it, without formatting a `Double`.
        static func sixDecimals(_ millionths: Int64) -> String {
            let fraction = String(millionths % 1_000_000)
            return "\(millionths / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
        }

        /// The file's bytes, read whole; a file that cannot be read is a usage error naming it.
        static func withBytes(of path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
            try data.withUnsafeBytes(body)
        }
    }

    /// Wall-clock time per phase, for `--timing`.
    struct PhaseClock {
        private var last = DispatchTime.now().uptimeNanoseconds
        private var phases: [(String, UInt64)] = []

        mutating func lap(_ name: String) {
            let now = DispatchTime.now().uptimeNanoseconds
            phases.append((name, now - last))
            last = now
        }

        var report: String {
            "timing: " + phases.map { "\($0.0) " + String(format: "%.3f s", Double($0.1) / 1e9) }.joined(separator: ", ")
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
