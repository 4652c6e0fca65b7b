// Proves that a sanitizer build is live. Given the name of a fault, commits exactly that fault, which
// AddressSanitizer, LeakSanitizer or UndefinedBehaviorSanitizer must report; given "none", commits nothing
// and exits 0. tests/CMakeLists.txt registers one test per fault that passes only when the sanitizer's
// report appears, so a build that lost its -fsanitize flags, or a run with leak checking turned off,
// fails instead of passing the whole suite silently (docs/sanitizers.md).
#include <climits>
#include <cstdio>
#include <cstring>

namespace {

// Volatile so that the compiler cannot prove the fault away or warn about it at compile time.
int *volatile leaked = nullptr;
volatile int index = 4;
volatile int largest = INT_MAX;

int leak()
{
    leaked = new int[16];
    leaked = nullptr; // the only pointer is gone: LeakSanitizer reports it at exit
    return 0;
}

int heapBufferOverflow()
{
    int *values = new int[4];
    values[index] = 1; // one past the end
    const int read = values[0];
    delete[] values;
    return read;
}

int useAfterFree()
{
    int *value = new int(7);
    delete value;
    return *value;
}

int signedIntegerOverflow()
{
    const int sum = largest + 1;
    return sum == 0 ? 1 : 0;
}

} // namespace

int main(int argc, char **argv)
{
    const char *fault = argc > 1 ? argv[1] : "";
    if (std::strcmp(fault, "none") == 0)
        return 0;
    if (std::strcmp(fault, "leak") == 0)
        return leak();
    if (std::strcmp(fault, "heap-buffer-overflow") == 0)
        return heapBufferOverflow();
    if (std::strcmp(fault, "use-after-free") == 0)
        return useAfterFree();
    if (std::strcmp(fault, "signed-integer-overflow") == 0)
        return signedIntegerOverflow();
    std::fprintf(stderr,
                 "usage: sanitizer_canary none|leak|heap-buffer-overflow|use-after-free|signed-integer-overflow\n");
    return 2;
}
