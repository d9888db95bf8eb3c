// Linux calls Swift cannot make itself: `syscall` is variadic, and glibc has no wrapper for openat2.
#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>
#if __has_include(<linux/openat2.h>)
#include <linux/openat2.h>
#endif

// Opens `path` below the folder `dirfd` in one call, refusing any symbolic link on the way and any path
// that leaves the folder (openat2 with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS). -1 with errno ENOSYS
// where the kernel (or a sandbox's filter) does not have it.
static inline int warraq_open_beneath(int dirfd, const char *path, int flags) {
#if defined(SYS_openat2) && defined(RESOLVE_BENEATH)
    struct open_how how = {0};
    how.flags = (unsigned long long)flags;
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS;
    return (int)syscall(SYS_openat2, dirfd, path, &how, sizeof how);
#else
    errno = ENOSYS;
    return -1;
#endif
}
