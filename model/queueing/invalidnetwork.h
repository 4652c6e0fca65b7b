#pragma once

#include <stdexcept>
#include <string>

namespace iovplan::queueing {

/// Thrown when a network cannot be solved as asked: the field names where, the message says what to fix.
/// Field paths follow the qn JSON ("classes[1].population", "stations[0].servers", "method").
class InvalidNetwork : public std::runtime_error
{
public:
    InvalidNetwork(std::string field, const std::string &message)
        : std::runtime_error(message), m_field(std::move(field))
    {
    }
    [[nodiscard]] const std::string &field() const { return m_field; }

private:
    std::string m_field;
};

} // namespace iovplan::queueing
