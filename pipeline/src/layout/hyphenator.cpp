#include "layout/line_breaker.h"
#include "rodtrad/error.h"
#include "util/utf8.h"

#include <climits>
#include <cstdlib>
#include <hyphen.h>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace rodtrad {
namespace {

constexpr std::string_view kDefaultDictionary = "/usr/share/hyphen/hyph_sv_SE.dic";
constexpr std::string_view kDictionaryPackage = "hyphen-sv";
constexpr std::size_t kMinimumLetters = 5;
// Letters that must stay together at either end of a word (or of a letter run in it).
constexpr std::size_t kEdgeLetters = 2;
constexpr char32_t kLastLatin1 = 0xFF;

struct Letter {
    char32_t lower = 0;
    std::size_t offset = 0; // of the letter in the word, in bytes
};

// One code point of UTF-8 at text[i]: its value (0 when the bytes are not UTF-8) and how many
// bytes it takes.
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t i) {
    const DecodedCodePoint d = decodeUtf8(text, i);
    return {d.value, d.length};
}

// Latin letters (ASCII, Latin-1 and Latin Extended-A/B) are hyphenated; anything else (digits,
// punctuation, other scripts) separates the letter runs of a word.
bool isLetter(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

// libhyphen's patterns are lowercase.
char32_t toLower(char32_t c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) {
        return c + 0x20;
    }
    if (c == 0x178) { // Ÿ
        return 0xFF;
    }
    // Latin Extended-A pairs upper and lower case as even/odd, with the parity flipping twice.
    const bool evenUpper = (c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177);
    const bool oddUpper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if ((evenUpper && c % 2 == 0) || (oddUpper && c % 2 == 1)) {
        return c + 1;
    }
    return c;
}

void appendUtf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

bool isLatin1(std::string_view charset) {
    return charset == "ISO8859-1" || charset == "ISO-8859-1";
}

// The arrays libhyphen allocates for non-standard breaks (a word changes at the break).
struct Replacements {
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    int size = 0;
    Replacements() = default;
    Replacements(const Replacements&) = delete;
    Replacements& operator=(const Replacements&) = delete;
    ~Replacements() {
        if (rep != nullptr) {
            for (int i = 0; i < size; ++i) {
                std::free(rep[i]);
            }
        }
        std::free(rep);
        std::free(pos);
        std::free(cut);
    }
};

} // namespace

struct Hyphenator::Impl {
    HyphenDict* dictionary = nullptr;
    bool utf8 = false;

    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl() {
        if (dictionary != nullptr) {
            hnj_hyphen_free(dictionary);
        }
    }

    // Appends the break points of one run of letters (lowercased) to points.
    void hyphenate(const std::vector<Letter>& letters, std::size_t count,
                   std::vector<std::size_t>& points) const {
        std::string encoded;
        encoded.reserve(count * 2);
        for (std::size_t i = 0; i < count; ++i) {
            const char32_t c = letters[i].lower;
            if (utf8) {
                appendUtf8(encoded, c);
            } else if (c <= kLastLatin1) {
                encoded += static_cast<char>(c);
            } else {
                return; // the dictionary's character set cannot spell the word
            }
        }
        if (encoded.size() > INT_MAX / 2) {
            return;
        }
        const int size = static_cast<int>(encoded.size());
        // libhyphen writes up to size + 5 bytes.
        std::string hyphens(encoded.size() + 5, '\0');
        Replacements replacements;
        replacements.size = size;
        if (hnj_hyphen_hyphenate2(dictionary, encoded.data(), size, hyphens.data(), nullptr,
                                  &replacements.rep, &replacements.pos, &replacements.cut) != 0) {
            return;
        }
        // hyphens[i] is odd where the word may break after letter i (for a UTF-8 dictionary
        // libhyphen has already turned byte positions into letter positions).
        for (std::size_t i = kEdgeLetters - 1; i + kEdgeLetters < count; ++i) {
            const bool standard = replacements.rep == nullptr || replacements.rep[i] == nullptr;
            if ((hyphens[i] & 1) != 0 && standard) {
                points.push_back(letters[i + 1].offset);
            }
        }
    }
};

Hyphenator::Hyphenator(const std::filesystem::path& dictionary) : impl_(std::make_unique<Impl>()) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(dictionary, error)) {
        throw IoError("hyphenation dictionary " + dictionary.string() +
                      " not found (Debian package " + std::string(kDictionaryPackage) + ")");
    }
    impl_->dictionary = hnj_hyphen_load(dictionary.c_str());
    if (impl_->dictionary == nullptr) {
        throw IoError("cannot read hyphenation dictionary " + dictionary.string());
    }
    // Debian's hyph_sv_SE.dic is ISO8859-1, not UTF-8: words are recoded to what the file says.
    const std::string_view charset = impl_->dictionary->cset;
    impl_->utf8 = impl_->dictionary->utf8 != 0;
    if (!impl_->utf8 && !isLatin1(charset)) {
        throw IoError("hyphenation dictionary " + dictionary.string() +
                      " uses the unsupported character set " + std::string(charset));
    }
}

Hyphenator::~Hyphenator() = default;

std::filesystem::path Hyphenator::defaultDictionary() {
    return std::filesystem::path(kDefaultDictionary);
}

std::vector<std::size_t> Hyphenator::breakPoints(std::string_view word) const {
    std::vector<std::size_t> points;
    for (const char c : word) {
        if (c >= '0' && c <= '9') {
            return points;
        }
    }
    std::vector<Letter> letters;
    std::size_t count = 0; // letters in the current run
    const auto endRun = [&] {
        if (count >= kMinimumLetters) {
            impl_->hyphenate(letters, count, points);
        }
        count = 0;
    };
    for (std::size_t i = 0; i < word.size();) {
        const auto [c, length] = decode(word, i);
        if (isLetter(c)) {
            if (letters.size() <= count) {
                letters.resize(count + 1);
            }
            letters[count++] = Letter{toLower(c), i};
        } else {
            endRun();
        }
        i += length;
    }
    endRun();
    return points;
}

} // namespace rodtrad
