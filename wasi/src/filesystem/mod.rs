//! `wasi:filesystem`: descriptors for the preopened directories and what is
//! opened below them, on `cap-std`'s capability-based sandbox: every path a
//! guest names is resolved by `cap-std` relative to a directory descriptor,
//! so `..`, absolute paths and symbolic links never lead outside it.

mod errors;
mod host;
mod streams;

use std::io;
use std::sync::Arc;

use cap_fs_ext::{FileTypeExt, MetadataExt};
use cap_std::fs::{Dir, File, Metadata};

use crate::bindings::wasi::clocks::wall_clock::Datetime;
use crate::bindings::wasi::filesystem::types::{
    DescriptorStat, DescriptorType, ErrorCode, MetadataHashValue,
};
use crate::clocks::datetime;
use crate::ctx::{DirPerms, FilePerms};

/// The host object of a WASI `descriptor`: an open file or directory, with
/// the permissions the host gave and the access the guest asked for.
pub struct Descriptor {
    kind: Kind,
    dir_perms: DirPerms,
    file_perms: FilePerms,
    /// Opened for reading.
    read: bool,
    /// Opened for writing (a file) or mutating (a preopen).
    write: bool,
}

#[derive(Clone)]
enum Kind {
    File(Arc<std::fs::File>),
    Dir(Arc<Dir>),
}

impl Descriptor {
    /// The descriptor of a preopened directory.
    pub(crate) fn preopen(dir: Dir, dir_perms: DirPerms, file_perms: FilePerms) -> Self {
        Self {
            kind: Kind::Dir(Arc::new(dir)),
            dir_perms,
            file_perms,
            read: true,
            write: dir_perms.contains(DirPerms::MUTATE),
        }
    }

    /// Another descriptor of the same open file or directory.
    pub(crate) fn share(&self) -> Self {
        Self {
            kind: self.kind.clone(),
            dir_perms: self.dir_perms,
            file_perms: self.file_perms,
            read: self.read,
            write: self.write,
        }
    }

    /// The file, for file-only operations (`bad-descriptor` on a
    /// directory).
    fn file(&self) -> Result<&Arc<std::fs::File>, ErrorCode> {
        match &self.kind {
            Kind::File(f) => Ok(f),
            Kind::Dir(_) => Err(ErrorCode::BadDescriptor),
        }
    }

    /// The directory, for directory-only operations (`not-directory` on a
    /// file).
    fn dir(&self) -> Result<&Arc<Dir>, ErrorCode> {
        match &self.kind {
            Kind::Dir(d) => Ok(d),
            Kind::File(_) => Err(ErrorCode::NotDirectory),
        }
    }

    /// The directory, when the host allows changing what is in it.
    fn dir_to_mutate(&self) -> Result<&Arc<Dir>, ErrorCode> {
        let dir = self.dir()?;
        if !self.dir_perms.contains(DirPerms::MUTATE) {
            return Err(ErrorCode::NotPermitted);
        }
        Ok(dir)
    }

    /// The directory, when the host allows reading what is in it.
    fn dir_to_read(&self) -> Result<&Arc<Dir>, ErrorCode> {
        let dir = self.dir()?;
        if !self.dir_perms.contains(DirPerms::READ) {
            return Err(ErrorCode::NotPermitted);
        }
        Ok(dir)
    }

    /// The file, when it was opened for reading and the host allows it.
    fn file_to_read(&self) -> Result<&Arc<std::fs::File>, ErrorCode> {
        let file = self.file()?;
        if !self.file_perms.contains(FilePerms::READ) {
            return Err(ErrorCode::NotPermitted);
        }
        if !self.read {
            return Err(ErrorCode::BadDescriptor);
        }
        Ok(file)
    }

    /// The file, when it was opened for writing and the host allows it.
    fn file_to_write(&self) -> Result<&Arc<std::fs::File>, ErrorCode> {
        let file = self.file()?;
        if !self.file_perms.contains(FilePerms::WRITE) {
            return Err(ErrorCode::NotPermitted);
        }
        if !self.write {
            return Err(ErrorCode::BadDescriptor);
        }
        Ok(file)
    }

    /// The file, for a stream that reads it: allowed when the host allows
    /// reading files (a descriptor opened without `read` fails at the
    /// stream's first read, as the OS says).
    fn file_for_read_stream(&self) -> Result<&Arc<std::fs::File>, ErrorCode> {
        let file = self.file()?;
        if !self.file_perms.contains(FilePerms::READ) {
            return Err(ErrorCode::NotPermitted);
        }
        Ok(file)
    }

    /// The file, for a stream that writes it: allowed when the host allows
    /// writing files (a descriptor opened without `write` fails at the
    /// stream's first write).
    fn file_for_write_stream(&self) -> Result<&Arc<std::fs::File>, ErrorCode> {
        let file = self.file()?;
        if !self.file_perms.contains(FilePerms::WRITE) {
            return Err(ErrorCode::NotPermitted);
        }
        Ok(file)
    }

    /// The metadata of the open file or directory.
    fn metadata(&self) -> io::Result<Metadata> {
        match &self.kind {
            Kind::File(f) => Metadata::from_file(f),
            Kind::Dir(d) => d.dir_metadata(),
        }
    }
}

/// The host object of a WASI `directory-entry-stream`: the entries of a
/// directory, read as the guest asks for them.
pub struct DirectoryEntryStream {
    entries: cap_std::fs::ReadDir,
}

/// The WIT type of a file type.
fn descriptor_type(ty: cap_std::fs::FileType) -> DescriptorType {
    if ty.is_dir() {
        DescriptorType::Directory
    } else if ty.is_symlink() {
        DescriptorType::SymbolicLink
    } else if ty.is_file() {
        DescriptorType::RegularFile
    } else if FileTypeExt::is_block_device(&ty) {
        DescriptorType::BlockDevice
    } else if FileTypeExt::is_char_device(&ty) {
        DescriptorType::CharacterDevice
    } else if FileTypeExt::is_fifo(&ty) {
        DescriptorType::Fifo
    } else if FileTypeExt::is_socket(&ty) {
        DescriptorType::Socket
    } else {
        DescriptorType::Unknown
    }
}

/// A timestamp as a WIT `datetime`; none before the epoch.
fn timestamp(time: io::Result<cap_std::time::SystemTime>) -> Option<Datetime> {
    let time = time.ok()?.into_std();
    time.duration_since(std::time::UNIX_EPOCH)
        .ok()
        .map(datetime)
}

/// The WIT `descriptor-stat` of `meta`.
fn stat(meta: &Metadata) -> DescriptorStat {
    DescriptorStat {
        r#type: descriptor_type(meta.file_type()),
        link_count: meta.nlink(),
        size: meta.len(),
        data_access_timestamp: timestamp(meta.accessed()),
        data_modification_timestamp: timestamp(meta.modified()),
        status_change_timestamp: status_change(meta),
    }
}

/// The last status change (POSIX `ctime`).
#[cfg(unix)]
fn status_change(meta: &Metadata) -> Option<Datetime> {
    use cap_fs_ext::OsMetadataExt;
    let seconds = u64::try_from(meta.ctime()).ok()?;
    let nanoseconds = u32::try_from(meta.ctime_nsec()).ok()?;
    Some(Datetime {
        seconds,
        nanoseconds,
    })
}

/// The last status change: where there is no `ctime`, the creation time.
#[cfg(not(unix))]
fn status_change(meta: &Metadata) -> Option<Datetime> {
    timestamp(meta.created())
}

/// A hash of the identity (device and inode) of the object `meta`
/// describes: equal for the same object, as the WIT asks.
fn metadata_hash(meta: &Metadata) -> MetadataHashValue {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let half = |salt: u8| {
        let mut hasher = DefaultHasher::new();
        (salt, meta.dev(), meta.ino()).hash(&mut hasher);
        hasher.finish()
    };
    MetadataHashValue {
        lower: half(0),
        upper: half(1),
    }
}

/// Opens `path` below `dir` as a file or directory descriptor.
fn open(dir: &Dir, path: &str, options: &cap_std::fs::OpenOptions) -> io::Result<Opened> {
    let file: File = dir.open_with(path, options)?;
    if file.metadata()?.is_dir() {
        Ok(Opened::Dir(Dir::from_std_file(file.into_std())))
    } else {
        Ok(Opened::File(file.into_std()))
    }
}

enum Opened {
    File(std::fs::File),
    Dir(Dir),
}

/// Reads at `offset` without moving any cursor.
#[cfg(unix)]
fn read_at(file: &std::fs::File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, offset)
}

/// Writes at `offset` without moving any cursor.
#[cfg(unix)]
fn write_at(file: &std::fs::File, buf: &[u8], offset: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::write_at(file, buf, offset)
}

/// Reads at `offset` (Windows moves the file's cursor, which no guest
/// operation uses).
#[cfg(windows)]
fn read_at(file: &std::fs::File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, offset)
}

/// Writes at `offset`.
#[cfg(windows)]
fn write_at(file: &std::fs::File, buf: &[u8], offset: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_write(file, buf, offset)
}
