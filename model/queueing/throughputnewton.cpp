// Newton's method on the class throughputs: the Bard-Schweitzer / Linearizer fixed point of a
// network of single-server queues and delay stations, reduced to C unknowns. Equations, safeguards
// and measurements: docs/queueing-approximate.md ("Newton on the throughputs").
//
// Given the throughputs X, the Schweitzer/Linearizer equations at a queue k,
//   Q_ck = X_c D_ck (1 + Q_k - Q_ck / n_c + corr_kc),
// are linear in Q: Q_ck = a_ck (1 + Q_k + corr_kc) with a_ck = X_c b_ck, b_ck = D_ck / (1 + X_c D_ck / n_c);
// summing over c, P_k = 1 + Q_k = (1 + S_k) / (1 - A_k), A_k = sum_c a_ck, S_k = sum_c a_ck corr_kc
// (needs A_k < 1). Hence R_ck = b_ck (P_k + corr_kc) (delay: R_ck = D_ck), T_c = Z_c + sum_k R_ck,
// and the whole fixed point is the C equations r_c = 1 - n_c / (X_c T_c(X)) = 0, solved by damped
// Newton in y = log X (keeps X > 0) with the analytic Jacobian (O(C^2 M) per step). This form
// is bounded and nearly linear near a saturated queue, where T ~ 1/(1 - A_k) has a pole: n/(X T)
// ~ n (1 - A_k) / (X D) is smooth there. (The form log(X T / n) needed 390 steps on the
// N = 10000 row of the tests: its Newton steps overshoot the pole and are halved back.) The arrival
// clamp at 0 of the plain map is ignored here (never active for Bard-Schweitzer; if a Linearizer
// correction makes it active, the plain iterations that follow see the mismatch and carry on from
// this point).

#include "throughputnewton.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace iovplan::queueing::detail {
namespace {

using Index = Eigen::Index;

/// Newton stops once max_c |1 - N_c / (X_c T_c)| is below this (a few ulps).
constexpr double kNewtonResidual = 1e-15;
/// ... or once a step is below this relative to X (taken without asking for a decrease: the
/// residual is at roundoff level; Newton/chord contraction leaves an error well below it).
constexpr double kNewtonSmallStep = 1e-12;
/// Largest Newton step in log X (a factor e^10 on a throughput): keeps a first step from a poor
/// start from overflowing; the line search still halves it as needed.
constexpr double kMaxLogStep = 10.0;
/// Below this residual Newton tries only full steps (no line search): see ThroughputNewton::solve().
constexpr double kNewtonNear = 1e-8;
/// After a Newton step smaller than this (relative) the Jacobian is kept for chord steps, which
/// then contract the error by about this factor each; a chord step that does not reduce the
/// residual by kChordContraction triggers a fresh Jacobian.
constexpr double kChordStart = 1e-4;
constexpr double kChordContraction = 0.1;
/// A Newton result is handed to the plain iteration only when its residual is below this;
/// otherwise the plain iteration starts from its usual guess (the fallback).
constexpr double kNewtonUsable = 1e-6;
/// Default Newton start: the no-contention throughputs scaled so that no queue's utilisation
/// sum_c X_c D_ck exceeds this (keeps every A_k < 1, the reduced map's domain).
constexpr double kNewtonStartUtilisation = 0.9;
/// Armijo constant of the backtracking line search on max_c |residual_c|.
constexpr double kArmijo = 1e-4;
constexpr int kMaxHalvings = 40;
/// After a step past a pole (A_k >= 1), the next trial goes this fraction of the way to it.
constexpr double kPoleFraction = 0.9;
/// Stations per block of the Jacobian's weight table: 128 x C doubles (20 kB for C = 20) stay in
/// the L1/L2 cache between being written and being read by the product.
constexpr Index kJacobianBlock = 128;

} // namespace

ThroughputNewton::ThroughputNewton(const TableMap &demand, const Eigen::ArrayXd &queueMask, const Eigen::ArrayXd &think,
                                   TableMap bWorkspace)
    : m_classes(demand.cols()), m_stations(demand.rows()), m_demand(demand.data(), demand.rows(), demand.cols()),
      m_queueMask(queueMask), m_think(think), m_b(bWorkspace)
{
}

ThroughputNewton::Outcome ThroughputNewton::solve(const Eigen::ArrayXd &n, const Table *correction, int maxSteps,
                                                  Eigen::ArrayXd &throughput, TableMap &residence, TableMap &queue)
{
    const Eigen::ArrayXd active = (n > 0.0).cast<double>();
    if (active.sum() <= 0.0)
        return {};
    ensureWorkspace();
    Eigen::ArrayXd x = throughput;
    const bool warm = x.size() == m_classes && x.allFinite() && ((x > 0.0) || (active <= 0.0)).all();
    if (!warm) {
        // Per class the asymptotic bound min(n_c / (Z_c + sum_k D_ck), 1 / max_queue D_ck), then
        // all scaled together below (one huge class must not push the others far down).
        x = Eigen::ArrayXd::Zero(m_classes);
        for (Index c = 0; c < m_classes; ++c) {
            const double cycle = m_think(c) + m_demand.col(c).sum();
            if (n(c) > 0.0)
                x(c) = cycle > 0.0 ? n(c) / cycle : 0.0;
            const double bottleneck = (m_queueMask * m_demand.col(c)).maxCoeff();
            if (bottleneck > 0.0)
                x(c) = std::min(x(c), 1.0 / bottleneck);
        }
        const double peak = (m_queueMask * (m_demand.matrix() * x.matrix()).array()).maxCoeff();
        if (peak > kNewtonStartUtilisation)
            x *= kNewtonStartUtilisation / peak;
    }
    x *= active;
    bool feasible = false;
    for (int h = 0; h < kMaxHalvings && !feasible; ++h) {
        feasible = reducedResidual(x, n, correction, m_residual);
        if (!feasible)
            x *= 0.5;
    }
    if (!feasible)
        return {};
    bool workspacesAtX = true;
    double norm = m_residual.abs().maxCoeff();
    int steps = 0;
    bool chord = false;
    while (norm > kNewtonResidual && steps < maxSteps) {
        if (!chord) {
            if (!workspacesAtX && !reducedResidual(x, n, correction, m_residual))
                break;
            workspacesAtX = true;
            reducedJacobian(x, n, correction);
            m_lu.compute(m_jacobian);
        }
        m_delta = m_lu.solve(-m_residual.matrix()).array() * active;
        ++steps;
        if (!m_delta.allFinite())
            break;
        // The step is in log X: its size is the relative change of X.
        const double relativeStep = m_delta.abs().maxCoeff();
        double lambda = relativeStep > kMaxLogStep ? kMaxLogStep / relativeStep : 1.0;
        // Close to the solution (or on a chord step) only the full step is tried: failing to
        // decrease there means roundoff level (or a stale Jacobian), not a bad direction.
        const int halvings = chord || norm <= kNewtonNear ? 1 : kMaxHalvings;
        const double before = norm;
        bool accepted = false;
        if (workspacesAtX)
            m_gapAtX = m_gap;
        else
            m_gapAtX.setConstant(-1.0); // unknown: no interpolation
        for (int h = 0; h < halvings && !accepted; ++h) {
            m_trial = x * (lambda * m_delta).exp();
            workspacesAtX = false;
            if (!reducedResidual(m_trial, n, correction, m_trialResidual)) {
                lambda *= backtrackPastPole();
                continue;
            }
            const double trialNorm = m_trialResidual.abs().maxCoeff();
            // A tiny full step is taken as it is: the residual is at roundoff level and need not decrease.
            accepted = trialNorm <= (1.0 - kArmijo * lambda) * norm || (lambda == 1.0 && relativeStep <= kNewtonSmallStep);
            if (accepted) {
                x = m_trial;
                std::swap(m_residual, m_trialResidual);
                norm = trialNorm;
                workspacesAtX = true;
            } else {
                lambda *= 0.5;
            }
        }
        if (!accepted) {
            if (chord) {
                chord = false; // stale Jacobian: retry with a fresh one
                continue;
            }
            break;
        }
        if (relativeStep <= kNewtonSmallStep)
            break;
        chord = chord ? norm <= kChordContraction * before : relativeStep <= kChordStart;
    }
    if (norm > kNewtonUsable)
        return {steps, false};
    if (!workspacesAtX && !reducedResidual(x, n, correction, m_residual))
        return {steps, false};
    throughput = x;
    for (Index c = 0; c < m_classes; ++c) {
        if (n(c) <= 0.0) {
            residence.col(c) = m_demand.col(c);
            queue.col(c).setZero();
            continue;
        }
        if (correction != nullptr)
            residence.col(c) = m_b.col(c) * (m_plus + correction->col(c)) + m_delayMask * m_demand.col(c);
        else
            residence.col(c) = m_b.col(c) * m_plus + m_delayMask * m_demand.col(c);
        queue.col(c) = residence.col(c) * x(c);
    }
    return {steps, true};
}

/// Leaves b, 1 - A, P and the cycle times T of x in the workspaces.
bool ThroughputNewton::reducedResidual(const Eigen::ArrayXd &x, const Eigen::ArrayXd &n, const Table *correction,
                                       Eigen::ArrayXd &residual)
{
    m_loadSum.setZero();
    if (correction != nullptr)
        m_correctionSum.setZero();
    m_cycle = m_think + m_delayDemand;
    for (Index c = 0; c < m_classes; ++c) {
        if (n(c) <= 0.0) {
            m_b.col(c).setZero(); // inactive: a_ck = 0, no contribution anywhere
            continue;
        }
        if (!(x(c) > 0.0) || !std::isfinite(x(c)))
            return false;
        m_b.col(c) = m_queueMask * m_demand.col(c) / (1.0 + m_demand.col(c) * (x(c) / n(c)));
        m_loadSum += x(c) * m_b.col(c);
        if (correction != nullptr) {
            m_correctionSum += x(c) * m_b.col(c) * correction->col(c);
            m_cycle(c) += (m_b.col(c) * correction->col(c)).sum();
        }
    }
    if (!(m_loadSum < 1.0).all())
        return false; // past a pole; m_loadSum is left for the line search's interpolation
    m_gap = 1.0 - m_loadSum;
    if (correction != nullptr)
        m_plus = (1.0 + m_correctionSum) / m_gap;
    else
        m_plus = 1.0 / m_gap;
    if (!m_plus.allFinite())
        return false;
    m_cycle.matrix().noalias() += m_b.matrix().transpose() * m_plus.matrix(); // T_c += sum_k b_ck P_k
    for (Index c = 0; c < m_classes; ++c) {
        if (n(c) <= 0.0) {
            residual(c) = 0.0;
            continue;
        }
        if (!(m_cycle(c) > 0.0) || !std::isfinite(m_cycle(c)))
            return false;
        residual(c) = 1.0 - n(c) / (x(c) * m_cycle(c));
    }
    return residual.allFinite();
}

/// dT_c/dX_j = sum_k b_ck W_kj - [c = j] sum_k b_ck^2 (P_k + corr_kc) / n_c   (queues only),
/// W_kj = g_jk (P_k + corr_kj) / (1 - A_k),  g_jk = da_jk/dX_j = D_jk / (1 + X_j D_jk / n_j)^2,
/// dr_c/dy_j = (1 - r_c) ([c = j] + (X_j / T_c) dT_c/dX_j),   y = log X.
void ThroughputNewton::reducedJacobian(const Eigen::ArrayXd &x, const Eigen::ArrayXd &n, const Table *correction)
{
    // g_jk = b_jk / (1 + X_j D_jk / n_j) = b_jk (1 - (X_j / n_j) b_jk): multiplications only (the
    // divisions were a third of the Jacobian's cost), and 0 where D_jk = 0 or at delay stations.
    // W = g (P + corr) / (1 - A) is formed in blocks of stations that stay in cache and summed into
    // J = b^T W block by block, so no M x C weight table is needed (one fewer fresh 8 C M-byte
    // block per solve: page faults were ~half of a benchmark solve).
    m_jacobian.setZero();
    if (correction == nullptr)
        m_scale = m_plus / m_gap;
    else
        m_scale = 1.0 / m_gap;
    for (Index k0 = 0; k0 < m_stations; k0 += kJacobianBlock) {
        const Index rows = std::min(kJacobianBlock, m_stations - k0);
        auto weight = m_weightBlock.topRows(rows);
        const auto scale = m_scale.segment(k0, rows);
        for (Index j = 0; j < m_classes; ++j) {
            if (n(j) <= 0.0) {
                weight.col(j).setZero();
                continue;
            }
            const auto b = m_b.col(j).segment(k0, rows);
            if (correction != nullptr)
                weight.col(j) = b * (1.0 - (x(j) / n(j)) * b) *
                                (m_plus.segment(k0, rows) + correction->col(j).segment(k0, rows)) * scale;
            else
                weight.col(j) = b * (1.0 - (x(j) / n(j)) * b) * scale;
        }
        m_jacobian.noalias() += m_b.middleRows(k0, rows).matrix().transpose() * weight.matrix();
    }
    for (Index c = 0; c < m_classes; ++c) {
        if (n(c) <= 0.0) {
            m_jacobian.row(c).setZero();
            m_jacobian(c, c) = 1.0;
            continue;
        }
        double own = 0.0;
        if (correction != nullptr)
            own = (m_b.col(c).square() * (m_plus + correction->col(c))).sum() / n(c);
        else
            own = (m_b.col(c).square() * m_plus).sum() / n(c);
        m_jacobian(c, c) -= own;
        m_jacobian.row(c) /= m_cycle(c);
    }
    for (Index j = 0; j < m_classes; ++j) {
        if (n(j) <= 0.0)
            continue;
        m_jacobian.col(j) *= x(j);
        m_jacobian(j, j) += 1.0;
    }
    for (Index c = 0; c < m_classes; ++c)
        if (n(c) > 0.0)
            m_jacobian.row(c) *= n(c) / (x(c) * m_cycle(c));
}

/// When the trial went past a pole (some A_k >= 1), interpolate 1 - A_k linearly between x and the
/// trial and aim for kPoleFraction of the way to the nearest pole: near saturation the solution lies
/// within ~1/N of the pole and Newton's step typically lands just past it, so halving would only
/// halve the residual per step (measured: 265 iterations for N = 10000 instead of 12).
double ThroughputNewton::backtrackPastPole() const
{
    double factor = 0.5;
    if (!m_loadSum.allFinite() || !(m_gapAtX > 0.0).all())
        return factor;
    double fraction = 1.0;
    for (Index k = 0; k < m_stations; ++k) {
        const double trialGap = 1.0 - m_loadSum(k);
        if (trialGap <= 0.0)
            fraction = std::min(fraction, m_gapAtX(k) / (m_gapAtX(k) - trialGap));
    }
    if (fraction < 1.0)
        factor = std::clamp(kPoleFraction * fraction, 0.01, 0.9);
    return factor;
}

void ThroughputNewton::ensureWorkspace()
{
    if (m_delayMask.size() == m_stations)
        return;
    m_delayMask = 1.0 - m_queueMask;
    m_delayDemand = (m_demand.colwise() * m_delayMask).colwise().sum().transpose();
    m_loadSum = Eigen::ArrayXd::Zero(m_stations);
    m_correctionSum = Eigen::ArrayXd::Zero(m_stations);
    m_gap = Eigen::ArrayXd::Zero(m_stations);
    m_gapAtX = Eigen::ArrayXd::Zero(m_stations);
    m_plus = Eigen::ArrayXd::Zero(m_stations);
    m_cycle = Eigen::ArrayXd::Zero(m_classes);
    m_residual = Eigen::ArrayXd::Zero(m_classes);
    m_trialResidual = Eigen::ArrayXd::Zero(m_classes);
    m_trial = Eigen::ArrayXd::Zero(m_classes);
    m_delta = Eigen::ArrayXd::Zero(m_classes);
    m_jacobian = Eigen::MatrixXd::Zero(m_classes, m_classes);
    m_scale = Eigen::ArrayXd::Zero(m_stations);
    m_weightBlock = Table::Zero(std::min(kJacobianBlock, m_stations), m_classes);
}

} // namespace iovplan::queueing::detail
