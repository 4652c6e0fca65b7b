#pragma once
// A real number kept as mantissa x 2^exponent with a 64-bit exponent, so that normalising
// constants of closed networks (which grow or shrink like rho^N and routinely pass 1e+-308)
// neither overflow nor underflow. Header-only: the convolution inner loop inlines it.

#include <cmath>
#include <cstdint>
#include <limits>

namespace iovplan::queueing {

/// A finite real number m x 2^e with 0.5 <= |m| < 1 (or m = 0, e = 0) and an integer exponent e
/// that cannot overflow in practice. Products and quotients are exact up to one rounding of the
/// mantissa, like double; sums round once as in double, except that an addend smaller than the
/// other by more than 2^64 is dropped (it would not change a 53-bit mantissa anyway).
/// Meant for non-negative quantities (normalising constants, probabilities), works for any sign.
class ScaledReal
{
public:
    /// Zero.
    constexpr ScaledReal() = default;

    /// The value of a finite double (NaN and infinity are not representable; they become zero).
    explicit ScaledReal(double value)
    {
        if (!std::isfinite(value) || value == 0.0)
            return;
        int e = 0;
        m_mantissa = std::frexp(value, &e);
        m_exponent = e;
    }

    /// m x 2^e for any finite mantissa m (normalised here).
    [[nodiscard]] static ScaledReal fromParts(double mantissa, std::int64_t exponent)
    {
        ScaledReal result(mantissa);
        if (!result.isZero())
            result.m_exponent += exponent;
        return result;
    }

    /// e^logValue, for numbers known only by their logarithm.
    [[nodiscard]] static ScaledReal fromLog(double logValue)
    {
        if (!std::isfinite(logValue))
            return {};
        // e^x = 2^(x / ln 2): split the binary exponent into an integer and a fraction.
        const double binary = logValue / std::log(2.0);
        const double whole = std::floor(binary);
        ScaledReal result(std::exp2(binary - whole));
        result.m_exponent += static_cast<std::int64_t>(whole);
        return result;
    }

    [[nodiscard]] double mantissa() const { return m_mantissa; }
    [[nodiscard]] std::int64_t exponent() const { return m_exponent; }
    [[nodiscard]] bool isZero() const { return m_mantissa == 0.0; }

    /// True when toDouble() is neither infinite nor flushed to zero/subnormal for a non-zero value.
    [[nodiscard]] bool fitsInDouble() const
    {
        return isZero() || (m_exponent <= std::numeric_limits<double>::max_exponent &&
                            m_exponent >= std::numeric_limits<double>::min_exponent);
    }

    /// The value as a double: +-infinity or 0 when it does not fit (check fitsInDouble()).
    [[nodiscard]] double toDouble() const
    {
        if (isZero())
            return 0.0;
        if (m_exponent > std::numeric_limits<double>::max_exponent)
            return std::copysign(std::numeric_limits<double>::infinity(), m_mantissa);
        if (m_exponent < std::numeric_limits<double>::min_exponent - std::numeric_limits<double>::digits)
            return std::copysign(0.0, m_mantissa);
        return std::ldexp(m_mantissa, static_cast<int>(m_exponent));
    }

    /// Natural logarithm of |value|; -infinity for zero.
    [[nodiscard]] double logAbs() const
    {
        if (isZero())
            return -std::numeric_limits<double>::infinity();
        return std::log(std::fabs(m_mantissa)) + static_cast<double>(m_exponent) * std::log(2.0);
    }

    ScaledReal &operator*=(ScaledReal other)
    {
        m_mantissa *= other.m_mantissa;
        m_exponent += other.m_exponent;
        normalise();
        return *this;
    }

    /// Division by zero gives zero (callers guard it; a solver never divides by an empty G).
    ScaledReal &operator/=(ScaledReal other)
    {
        if (other.isZero()) {
            *this = ScaledReal();
            return *this;
        }
        m_mantissa /= other.m_mantissa;
        m_exponent -= other.m_exponent;
        normalise();
        return *this;
    }

    ScaledReal &operator+=(ScaledReal other)
    {
        if (other.isZero())
            return *this;
        if (isZero()) {
            *this = other;
            return *this;
        }
        const std::int64_t gap = m_exponent - other.m_exponent;
        if (gap >= 0) {
            if (gap <= kNegligibleGap)
                m_mantissa += std::ldexp(other.m_mantissa, -static_cast<int>(gap));
        } else {
            if (-gap <= kNegligibleGap)
                m_mantissa = other.m_mantissa + std::ldexp(m_mantissa, static_cast<int>(gap));
            else
                m_mantissa = other.m_mantissa;
            m_exponent = other.m_exponent;
        }
        normalise();
        return *this;
    }

    friend ScaledReal operator*(ScaledReal a, ScaledReal b) { return a *= b; }
    friend ScaledReal operator/(ScaledReal a, ScaledReal b) { return a /= b; }
    friend ScaledReal operator+(ScaledReal a, ScaledReal b) { return a += b; }

    /// a / b as a double, for ratios of normalising constants that are moderate even when a and b
    /// are not (X = G(N-1) / G(N)). Zero when b is zero.
    [[nodiscard]] friend double ratio(ScaledReal a, ScaledReal b) { return (a / b).toDouble(); }

private:
    /// Addends smaller by more than 2^64 cannot change a 53-bit mantissa.
    static constexpr std::int64_t kNegligibleGap = 64;

    void normalise()
    {
        if (m_mantissa == 0.0) {
            m_exponent = 0;
            return;
        }
        int e = 0;
        m_mantissa = std::frexp(m_mantissa, &e);
        m_exponent += e;
    }

    double m_mantissa = 0.0;
    std::int64_t m_exponent = 0;
};

} // namespace iovplan::queueing
