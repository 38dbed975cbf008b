#include "pdf/page_deflater.h"

#include "rodtrad/error.h"

#include <hpdf_conf.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <zlib.h>

namespace rodtrad {
namespace {

// As libharu compresses a stream: zlib's default level, window and memory.
std::string deflated(const std::string& content) {
    z_stream z{};
    if (deflateInit(&z, Z_DEFAULT_COMPRESSION) != Z_OK) {
        throw Error("zlib could not start compressing a page");
    }
    std::string out(deflateBound(&z, static_cast<uLong>(content.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(content.data()));
    z.avail_in = static_cast<uInt>(content.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int status = deflate(&z, Z_FINISH);
    out.resize(out.size() - z.avail_out);
    deflateEnd(&z);
    if (status != Z_STREAM_END) {
        throw Error("zlib could not compress a page");
    }
    return out;
}

HPDF_STATUS writeFlateFilter(HPDF_Dict /*dict*/, HPDF_Stream stream) {
    return HPDF_Stream_WriteStr(stream, "/Filter [ /FlateDecode ]\012");
}

} // namespace

PageDeflater::PageDeflater() : worker_([this] { work(); }) {}

PageDeflater::~PageDeflater() {
    if (worker_.joinable()) {
        {
            const std::lock_guard lock(mutex_);
            closing_ = true;
            queue_.clear();
        }
        ready_.notify_all();
        worker_.join();
    }
}

void PageDeflater::take(HPDF_Page page) {
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    HPDF_Stream stream = attr->stream;
    std::string content(stream->size, '\0');
    HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET);
    HPDF_UINT size = stream->size;
    HPDF_Stream_Read(stream, reinterpret_cast<HPDF_BYTE*>(content.data()), &size);
    content.resize(size);
    // The drawn content now lives here; libharu's copy is let go.
    HPDF_Stream fresh = HPDF_MemStream_New(page->mmgr, HPDF_STREAM_BUF_SIZ);
    if (fresh == nullptr) {
        throw Error("libharu could not allocate a page's content");
    }
    HPDF_Stream_Free(stream);
    attr->contents->stream = fresh;
    attr->stream = fresh;
    {
        const std::lock_guard lock(mutex_);
        jobs_.push_back({page, std::move(content)});
        queue_.push_back(jobs_.size() - 1);
    }
    ready_.notify_one();
}

void PageDeflater::work() {
    std::unique_lock lock(mutex_);
    while (true) {
        ready_.wait(lock, [this] { return closing_ || !queue_.empty(); });
        if (queue_.empty()) {
            return;
        }
        const std::size_t index = queue_.front();
        queue_.pop_front();
        std::string content = std::move(jobs_[index].content);
        lock.unlock();
        std::string compressed;
        std::string error;
        try {
            compressed = deflated(content);
        } catch (const std::exception& e) {
            error = e.what();
        }
        content = std::string();
        lock.lock();
        jobs_[index].content = std::move(compressed);
        if (!error.empty() && error_.empty()) {
            error_ = std::move(error);
        }
    }
}

void PageDeflater::finish() {
    {
        const std::lock_guard lock(mutex_);
        closing_ = true;
    }
    ready_.notify_all();
    worker_.join();
    if (!error_.empty()) {
        throw Error(error_);
    }
    for (Job& job : jobs_) {
        auto* attr = static_cast<HPDF_PageAttr>(job.page->attr);
        HPDF_Dict contents = attr->contents;
        HPDF_Stream_Write(contents->stream, reinterpret_cast<const HPDF_BYTE*>(job.content.data()),
                          static_cast<HPDF_UINT>(job.content.size()));
        job.content = std::string();
        // Written as it is; the entry libharu writes for a stream it compresses is added back.
        contents->filter = HPDF_STREAM_FILTER_NONE;
        contents->write_fn = writeFlateFilter;
    }
}

} // namespace rodtrad
