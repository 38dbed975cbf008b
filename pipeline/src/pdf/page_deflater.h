#pragma once

#include <condition_variable>
#include <deque>
#include <hpdf.h>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace rodtrad {

// Compresses the pages' content streams on a thread of its own while the next pages are drawn,
// instead of libharu compressing them one after the other as the document is saved. The result
// is byte-for-byte what libharu would have written: the same Flate stream, /Filter entry and
// /Length. A page's drawn content leaves libharu's memory as soon as the page is taken.
class PageDeflater {
public:
    PageDeflater();
    ~PageDeflater();
    PageDeflater(const PageDeflater&) = delete;
    PageDeflater& operator=(const PageDeflater&) = delete;

    // Takes the content a finished page's stream holds, to be compressed.
    void take(HPDF_Page page);
    // Waits for every page taken and gives each its compressed content, marked as Flate.
    void finish();

private:
    void work();

    struct Job {
        HPDF_Page page;
        std::string content;
    };
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::size_t> queue_; // indexes into jobs_
    std::vector<Job> jobs_;
    bool closing_ = false;
    std::string error_; // the first page that could not be compressed
    std::thread worker_;
};

} // namespace rodtrad
