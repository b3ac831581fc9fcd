//! References inside Markdown (images, links): found and checked at load time.
