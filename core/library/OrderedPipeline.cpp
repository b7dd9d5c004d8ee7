#include "library/OrderedPipeline.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace sextant::library {

void lowerThreadPriority()
{
    // On Linux a thread is a task: PRIO_PROCESS with its tid changes that thread only.
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    (void)::setpriority(PRIO_PROCESS, tid, 10);
}

} // namespace sextant::library
