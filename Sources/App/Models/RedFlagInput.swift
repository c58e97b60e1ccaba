import Fluent
import Foundation

/// The compiled releases of a run not yet finished, as JSON Lines, so any worker of any instance can run it and a
/// crashed run can start again. Removed when the run completes.
final class RedFlagInput: Model, @unchecked Sendable {
    static let schema = "red_flag_inputs"

    /// The run's id.
    @ID(custom: "run_id", generatedBy: .user) var id: UUID?
    @Field(key: "lines") var lines: Data

    init() {}

    init(runID: UUID, lines: [UInt8]) {
        id = runID
        self.lines = Data(lines)
    }
}
