#pragma once
// Internal to the approximate MVA solvers (approximatemva.cpp): Newton's method on the class
// throughputs for networks of single-server queues and delay stations. Not part of the engine's
// public interface. Equations and safeguards: docs/queueing-approximate.md ("Newton on the
// throughputs").

#include <Eigen/Core>
#include <Eigen/LU>

namespace iovplan::queueing::detail {

/// Per-station, per-class tables are column-major (stations x classes) arrays: one class's
/// stations are contiguous, so the inner loops are vector expressions over stations.
using Table = Eigen::ArrayXXd;
/// A table in storage owned elsewhere (the approximate solvers keep all theirs in one arena), at a
/// 16-byte aligned address: Eigen then evaluates expressions exactly as for an owned Table
/// (same vectorisation, hence bit-identical sums).
using TableMap = Eigen::Map<Table, Eigen::Aligned16>;

/// Solves the Bard-Schweitzer / Linearizer fixed point of a queue + delay network reduced to its
/// C class throughputs (damped Newton in log X, then chord steps once close). Holds references to
/// the model's demands (M x C), queue mask (M: 1 for single-server queues, 0 for delays) and think
/// times (C), and to one M x C table lent by the caller as a workspace; all must outlive it. Its
/// own workspaces (M and C vectors, a small block) are allocated on the first solve and reused.
class ThroughputNewton {
public:
    /// bWorkspace is the caller's M x C table (sized before solve() is called); Newton overwrites
    /// it (the caller's plain iteration must not need its contents across a solve() call).
    ThroughputNewton(const TableMap &demand, const Eigen::ArrayXd &queueMask, const Eigen::ArrayXd &think,
                     TableMap bWorkspace);

    /// What solve() did.
    struct Outcome {
        int steps = 0;        ///< Newton and chord steps taken (each counts as an iteration)
        bool applied = false; ///< throughput, residence and queue now hold the reduced solution
    };

    /// Newton for the throughputs at population n (C). correction (M x C, may be null) is the
    /// Linearizer term added to the queue seen on arrival. throughput is the warm start when it is
    /// a valid point (size C, finite, > 0 for active classes); otherwise a start is built from the
    /// asymptotic bounds. On success throughput, residence and queue (M x C) are overwritten with
    /// the reduced solution; otherwise they are left as they were. At most maxSteps steps.
    Outcome solve(const Eigen::ArrayXd &n, const Table *correction, int maxSteps, Eigen::ArrayXd &throughput,
                  TableMap &residence, TableMap &queue);

private:
    /// Residuals r_c at x; false when x leaves the domain (X_c <= 0, some A_k >= 1, non-finite).
    bool reducedResidual(const Eigen::ArrayXd &x, const Eigen::ArrayXd &n, const Table *correction,
                         Eigen::ArrayXd &residual);
    /// Jacobian dr/dlog X at the x of the last successful reducedResidual call, into m_jacobian.
    void reducedJacobian(const Eigen::ArrayXd &x, const Eigen::ArrayXd &n, const Table *correction);
    /// Factor for the step after a trial that left the domain (pole interpolation or halving).
    double backtrackPastPole() const;
    /// Allocates the workspaces on first use (Newton never runs for load-dependent networks).
    void ensureWorkspace();

    Eigen::Index m_classes;
    Eigen::Index m_stations;
    Eigen::Map<const Table, Eigen::Aligned16> m_demand; ///< M x C
    const Eigen::ArrayXd &m_queueMask; ///< M
    const Eigen::ArrayXd &m_think;    ///< C
    Eigen::ArrayXd m_delayMask;     ///< 1 - queue mask
    Eigen::ArrayXd m_delayDemand;   ///< C: sum of D_ck over delay stations
    TableMap m_b;                   ///< b_ck = D_ck / (1 + X_c D_ck / n_c) at queues, 0 elsewhere
    Table m_weightBlock;            ///< W_kj of the Jacobian for one block of stations
    Eigen::ArrayXd m_scale;         ///< P_k / (1 - A_k), or 1 / (1 - A_k) with a correction
    Eigen::ArrayXd m_loadSum;       ///< A_k
    Eigen::ArrayXd m_correctionSum; ///< S_k
    Eigen::ArrayXd m_gap;           ///< 1 - A_k
    Eigen::ArrayXd m_gapAtX;        ///< 1 - A_k at the current Newton iterate
    Eigen::ArrayXd m_plus;          ///< P_k = 1 + Q_k
    Eigen::ArrayXd m_cycle;         ///< T_c
    Eigen::ArrayXd m_residual;
    Eigen::ArrayXd m_trialResidual;
    Eigen::ArrayXd m_trial;
    Eigen::ArrayXd m_delta;
    Eigen::MatrixXd m_jacobian;
    Eigen::PartialPivLU<Eigen::MatrixXd> m_lu;
};

} // namespace iovplan::queueing::detail
