//! The generated `wasi:filesystem` traits, implemented on [`WasiCtx`].

use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use cap_fs_ext::{DirExt, OpenOptionsFollowExt, OpenOptionsMaybeDirExt, SystemTimeSpec};
use cap_std::fs::OpenOptions;
use witbind::Resource;

use super::errors::{FsError, error_code, wit};
use super::streams::{FileInput, FileOutput, FileOutputMode};
use super::{
    Descriptor, DirectoryEntryStream, Kind, Opened, descriptor_type, metadata_hash, open, read_at,
    stat, write_at,
};
use crate::bindings::wasi::filesystem::preopens;
use crate::bindings::wasi::filesystem::types::{
    self, Advice, DescriptorFlags, DescriptorStat, DescriptorType, DirectoryEntry, ErrorCode,
    Filesize, MetadataHashValue, NewTimestamp, OpenFlags, PathFlags,
};
use crate::ctx::{DirPerms, WasiCtx};
use crate::io::IoError;
use crate::streams::{InputStream, OutputStream, bounded};

type FsResult<T> = witbind::Result<Result<T, ErrorCode>>;

impl WasiCtx {
    fn descriptor(&self, fd: &Resource<Descriptor>) -> Result<&Descriptor, FsError> {
        Ok(self.table.get(fd)?)
    }
}

/// The time a `new-timestamp` sets, if any.
fn time_spec(ts: NewTimestamp) -> Result<Option<SystemTimeSpec>, FsError> {
    Ok(match ts {
        NewTimestamp::NoChange => None,
        NewTimestamp::Now => Some(SystemTimeSpec::SymbolicNow),
        NewTimestamp::Timestamp(t) => Some(SystemTimeSpec::Absolute(
            cap_std::time::SystemTime::from_std(system_time(t.seconds, t.nanoseconds)?),
        )),
    })
}

/// The `SystemTime` of a WIT `datetime`, `overflow` past what the host can
/// represent (or nanoseconds past a second: `invalid`).
fn system_time(seconds: u64, nanoseconds: u32) -> Result<SystemTime, FsError> {
    if nanoseconds >= 1_000_000_000 {
        return Err(ErrorCode::Invalid.into());
    }
    SystemTime::UNIX_EPOCH
        .checked_add(Duration::new(seconds, nanoseconds))
        .ok_or(FsError::Code(ErrorCode::Overflow))
}

/// The `SystemTime` a `new-timestamp` sets on an open file, if any.
fn file_time(ts: NewTimestamp) -> Result<Option<SystemTime>, FsError> {
    Ok(match ts {
        NewTimestamp::NoChange => None,
        NewTimestamp::Now => Some(SystemTime::now()),
        NewTimestamp::Timestamp(t) => Some(system_time(t.seconds, t.nanoseconds)?),
    })
}

impl types::HostDescriptor for WasiCtx {
    fn read_via_stream(
        &mut self,
        self_: Resource<Descriptor>,
        offset: Filesize,
    ) -> FsResult<Resource<InputStream>> {
        let result = (|| {
            let d = self.descriptor(&self_)?;
            if let Kind::Dir(_) = d.kind {
                return Err(ErrorCode::IsDirectory.into());
            }
            let file = d.file_for_read_stream()?.clone();
            let source = FileInput { file, offset };
            Ok(self
                .table
                .push(InputStream::new(Arc::new(Mutex::new(source))))?)
        })();
        wit(result)
    }

    fn write_via_stream(
        &mut self,
        self_: Resource<Descriptor>,
        offset: Filesize,
    ) -> FsResult<Resource<OutputStream>> {
        let result = (|| {
            let file = self.descriptor(&self_)?.file_for_write_stream()?.clone();
            let sink = FileOutput {
                file,
                mode: FileOutputMode::At(offset),
            };
            Ok(self
                .table
                .push(OutputStream::new(Arc::new(Mutex::new(sink))))?)
        })();
        wit(result)
    }

    fn append_via_stream(
        &mut self,
        self_: Resource<Descriptor>,
    ) -> FsResult<Resource<OutputStream>> {
        let result = (|| {
            let file = self.descriptor(&self_)?.file_for_write_stream()?.clone();
            let sink = FileOutput {
                file,
                mode: FileOutputMode::Append,
            };
            Ok(self
                .table
                .push(OutputStream::new(Arc::new(Mutex::new(sink))))?)
        })();
        wit(result)
    }

    fn advise(
        &mut self,
        self_: Resource<Descriptor>,
        _offset: Filesize,
        _length: Filesize,
        _advice: Advice,
    ) -> FsResult<()> {
        // Advice is a hint the host may ignore; the descriptor must still
        // be a file.
        wit(self
            .descriptor(&self_)
            .and_then(|d| Ok(d.file().map(drop)?)))
    }

    fn sync_data(&mut self, self_: Resource<Descriptor>) -> FsResult<()> {
        wit(self.descriptor(&self_).and_then(|d| match &d.kind {
            Kind::File(f) => Ok(f.sync_data()?),
            Kind::Dir(dir) => Ok(dir.try_clone()?.into_std_file().sync_data()?),
        }))
    }

    fn get_flags(&mut self, self_: Resource<Descriptor>) -> FsResult<DescriptorFlags> {
        wit(self.descriptor(&self_).map(|d| {
            let mut flags = DescriptorFlags::empty();
            if d.read {
                flags |= DescriptorFlags::READ;
            }
            if d.write {
                flags |= match d.kind {
                    Kind::File(_) => DescriptorFlags::WRITE,
                    Kind::Dir(_) => DescriptorFlags::MUTATE_DIRECTORY,
                };
            }
            flags
        }))
    }

    fn get_type(&mut self, self_: Resource<Descriptor>) -> FsResult<DescriptorType> {
        wit(self
            .descriptor(&self_)
            .and_then(|d| Ok(descriptor_type(d.metadata()?.file_type()))))
    }

    fn set_size(&mut self, self_: Resource<Descriptor>, size: Filesize) -> FsResult<()> {
        wit(self
            .descriptor(&self_)
            .and_then(|d| Ok(d.file_to_write()?.set_len(size)?)))
    }

    fn set_times(
        &mut self,
        self_: Resource<Descriptor>,
        data_access_timestamp: NewTimestamp,
        data_modification_timestamp: NewTimestamp,
    ) -> FsResult<()> {
        wit(self.descriptor(&self_).and_then(|d| match &d.kind {
            Kind::File(f) => {
                if !d.file_perms.contains(crate::FilePerms::WRITE) {
                    return Err(ErrorCode::NotPermitted.into());
                }
                let mut times = std::fs::FileTimes::new();
                if let Some(t) = file_time(data_access_timestamp)? {
                    times = times.set_accessed(t);
                }
                if let Some(t) = file_time(data_modification_timestamp)? {
                    times = times.set_modified(t);
                }
                Ok(f.set_times(times)?)
            }
            Kind::Dir(dir) => {
                if !d.dir_perms.contains(DirPerms::MUTATE) {
                    return Err(ErrorCode::NotPermitted.into());
                }
                let atime = time_spec(data_access_timestamp)?;
                let mtime = time_spec(data_modification_timestamp)?;
                Ok(dir.set_times(".", atime, mtime)?)
            }
        }))
    }

    fn read(
        &mut self,
        self_: Resource<Descriptor>,
        length: Filesize,
        offset: Filesize,
    ) -> FsResult<(Vec<u8>, bool)> {
        wit(self.descriptor(&self_).and_then(|d| {
            let file = d.file_to_read()?;
            let mut buf = vec![0; bounded(length)];
            let n = read_at(file, &mut buf, offset)?;
            buf.truncate(n);
            Ok((buf, n == 0))
        }))
    }

    fn write(
        &mut self,
        self_: Resource<Descriptor>,
        buffer: Vec<u8>,
        offset: Filesize,
    ) -> FsResult<Filesize> {
        wit(self.descriptor(&self_).and_then(|d| {
            let file = d.file_to_write()?;
            Ok(write_at(file, &buffer, offset)? as Filesize)
        }))
    }

    fn read_directory(
        &mut self,
        self_: Resource<Descriptor>,
    ) -> FsResult<Resource<DirectoryEntryStream>> {
        let result = (|| {
            let entries = self.descriptor(&self_)?.dir_to_read()?.entries()?;
            Ok(self.table.push(DirectoryEntryStream { entries })?)
        })();
        wit(result)
    }

    fn sync(&mut self, self_: Resource<Descriptor>) -> FsResult<()> {
        wit(self.descriptor(&self_).and_then(|d| match &d.kind {
            Kind::File(f) => Ok(f.sync_all()?),
            Kind::Dir(dir) => Ok(dir.try_clone()?.into_std_file().sync_all()?),
        }))
    }

    fn create_directory_at(&mut self, self_: Resource<Descriptor>, path: String) -> FsResult<()> {
        wit(self
            .descriptor(&self_)
            .and_then(|d| Ok(d.dir_to_mutate()?.create_dir(&path)?)))
    }

    fn stat(&mut self, self_: Resource<Descriptor>) -> FsResult<DescriptorStat> {
        wit(self
            .descriptor(&self_)
            .and_then(|d| Ok(stat(&d.metadata()?))))
    }

    fn stat_at(
        &mut self,
        self_: Resource<Descriptor>,
        path_flags: PathFlags,
        path: String,
    ) -> FsResult<DescriptorStat> {
        wit(self.descriptor(&self_).and_then(|d| {
            let dir = d.dir()?;
            let meta = if path_flags.contains(PathFlags::SYMLINK_FOLLOW) {
                dir.metadata(&path)?
            } else {
                dir.symlink_metadata(&path)?
            };
            Ok(stat(&meta))
        }))
    }

    fn set_times_at(
        &mut self,
        self_: Resource<Descriptor>,
        path_flags: PathFlags,
        path: String,
        data_access_timestamp: NewTimestamp,
        data_modification_timestamp: NewTimestamp,
    ) -> FsResult<()> {
        wit(self.descriptor(&self_).and_then(|d| {
            let dir = d.dir_to_mutate()?;
            let atime = time_spec(data_access_timestamp)?;
            let mtime = time_spec(data_modification_timestamp)?;
            if path_flags.contains(PathFlags::SYMLINK_FOLLOW) {
                Ok(dir.set_times(&path, atime, mtime)?)
            } else {
                Ok(dir.set_symlink_times(&path, atime, mtime)?)
            }
        }))
    }

    fn link_at(
        &mut self,
        self_: Resource<Descriptor>,
        old_path_flags: PathFlags,
        old_path: String,
        new_descriptor: Resource<Descriptor>,
        new_path: String,
    ) -> FsResult<()> {
        wit((|| {
            let old = self.descriptor(&self_)?;
            let new = self.descriptor(&new_descriptor)?;
            let old_dir = old.dir_to_mutate()?;
            let new_dir = new.dir_to_mutate()?;
            if old_path_flags.contains(PathFlags::SYMLINK_FOLLOW) {
                // Hard links to what a symbolic link names are not
                // portable; the WIT leaves this to the implementation.
                return Err(ErrorCode::Invalid.into());
            }
            Ok(old_dir.hard_link(&old_path, new_dir, &new_path)?)
        })())
    }

    fn open_at(
        &mut self,
        self_: Resource<Descriptor>,
        path_flags: PathFlags,
        path: String,
        open_flags: OpenFlags,
        flags: DescriptorFlags,
    ) -> FsResult<Resource<Descriptor>> {
        let result = (|| {
            let parent = self.descriptor(&self_)?;
            let dir = parent.dir_to_read()?;
            let create = open_flags.contains(OpenFlags::CREATE);
            let truncate = open_flags.contains(OpenFlags::TRUNCATE);
            let write = flags.contains(DescriptorFlags::WRITE) || create || truncate;
            let read = flags.contains(DescriptorFlags::READ) || !write;
            if flags.intersects(
                DescriptorFlags::FILE_INTEGRITY_SYNC
                    | DescriptorFlags::DATA_INTEGRITY_SYNC
                    | DescriptorFlags::REQUESTED_WRITE_SYNC,
            ) {
                return Err(ErrorCode::Unsupported.into());
            }
            if open_flags.contains(OpenFlags::DIRECTORY) && (create || truncate) {
                return Err(ErrorCode::Invalid.into());
            }
            if create && !parent.dir_perms.contains(DirPerms::MUTATE) {
                return Err(ErrorCode::NotPermitted.into());
            }
            if write && !parent.file_perms.contains(crate::FilePerms::WRITE) {
                return Err(ErrorCode::NotPermitted.into());
            }
            let mut options = OpenOptions::new();
            options.maybe_dir(true);
            options.read(read).write(write);
            if create && open_flags.contains(OpenFlags::EXCLUSIVE) {
                options.create_new(true);
            } else if create {
                options.create(true);
            }
            options.truncate(truncate);
            options.follow(if path_flags.contains(PathFlags::SYMLINK_FOLLOW) {
                cap_fs_ext::FollowSymlinks::Yes
            } else {
                cap_fs_ext::FollowSymlinks::No
            });
            let opened = open(dir, &path, &options)?;
            let kind = match opened {
                Opened::Dir(d) => Kind::Dir(Arc::new(d)),
                Opened::File(_) if open_flags.contains(OpenFlags::DIRECTORY) => {
                    return Err(ErrorCode::NotDirectory.into());
                }
                Opened::File(f) => Kind::File(Arc::new(f)),
            };
            let descriptor = Descriptor {
                kind,
                dir_perms: parent.dir_perms,
                file_perms: parent.file_perms,
                read,
                write,
            };
            Ok(self.table.push(descriptor)?)
        })();
        wit(result)
    }

    fn readlink_at(&mut self, self_: Resource<Descriptor>, path: String) -> FsResult<String> {
        wit(self.descriptor(&self_).and_then(|d| {
            let target = d.dir_to_read()?.read_link(&path)?;
            target
                .into_os_string()
                .into_string()
                .map_err(|_| ErrorCode::IllegalByteSequence.into())
        }))
    }

    fn remove_directory_at(&mut self, self_: Resource<Descriptor>, path: String) -> FsResult<()> {
        wit(self
            .descriptor(&self_)
            .and_then(|d| Ok(d.dir_to_mutate()?.remove_dir(&path)?)))
    }

    fn rename_at(
        &mut self,
        self_: Resource<Descriptor>,
        old_path: String,
        new_descriptor: Resource<Descriptor>,
        new_path: String,
    ) -> FsResult<()> {
        wit((|| {
            let old_dir = self.descriptor(&self_)?.dir_to_mutate()?;
            let new_dir = self.descriptor(&new_descriptor)?.dir_to_mutate()?;
            Ok(old_dir.rename(&old_path, new_dir, &new_path)?)
        })())
    }

    fn symlink_at(
        &mut self,
        self_: Resource<Descriptor>,
        old_path: String,
        new_path: String,
    ) -> FsResult<()> {
        wit(self
            .descriptor(&self_)
            .and_then(|d| Ok(d.dir_to_mutate()?.symlink(&old_path, &new_path)?)))
    }

    fn unlink_file_at(&mut self, self_: Resource<Descriptor>, path: String) -> FsResult<()> {
        wit(self
            .descriptor(&self_)
            .and_then(|d| Ok(d.dir_to_mutate()?.remove_file_or_symlink(&path)?)))
    }

    fn is_same_object(
        &mut self,
        self_: Resource<Descriptor>,
        other: Resource<Descriptor>,
    ) -> witbind::Result<bool> {
        use cap_fs_ext::MetadataExt;
        let a = self.table.get(&self_)?.metadata();
        let b = self.table.get(&other)?.metadata();
        Ok(match (a, b) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            // The WIT gives no error here: an object that cannot be
            // examined is not known to be the same.
            _ => false,
        })
    }

    fn metadata_hash(&mut self, self_: Resource<Descriptor>) -> FsResult<MetadataHashValue> {
        wit(self
            .descriptor(&self_)
            .and_then(|d| Ok(metadata_hash(&d.metadata()?))))
    }

    fn metadata_hash_at(
        &mut self,
        self_: Resource<Descriptor>,
        path_flags: PathFlags,
        path: String,
    ) -> FsResult<MetadataHashValue> {
        wit(self.descriptor(&self_).and_then(|d| {
            let dir = d.dir()?;
            let meta = if path_flags.contains(PathFlags::SYMLINK_FOLLOW) {
                dir.metadata(&path)?
            } else {
                dir.symlink_metadata(&path)?
            };
            Ok(metadata_hash(&meta))
        }))
    }

    fn drop(&mut self, rep: Resource<Descriptor>) -> witbind::Result<()> {
        self.table.delete(rep)?;
        Ok(())
    }
}

impl types::HostDirectoryEntryStream for WasiCtx {
    fn read_directory_entry(
        &mut self,
        self_: Resource<DirectoryEntryStream>,
    ) -> FsResult<Option<DirectoryEntry>> {
        let result = (|| {
            let stream = self.table.get_mut(&self_)?;
            let Some(entry) = stream.entries.next() else {
                return Ok(None);
            };
            let entry = entry?;
            let type_ = descriptor_type(entry.file_type()?);
            let name = entry
                .file_name()
                .into_string()
                .map_err(|_| FsError::Code(ErrorCode::IllegalByteSequence))?;
            Ok(Some(DirectoryEntry {
                r#type: type_,
                name,
            }))
        })();
        wit(result)
    }

    fn drop(&mut self, rep: Resource<DirectoryEntryStream>) -> witbind::Result<()> {
        self.table.delete(rep)?;
        Ok(())
    }
}

impl types::Host for WasiCtx {
    fn filesystem_error_code(
        &mut self,
        err: Resource<IoError>,
    ) -> witbind::Result<Option<ErrorCode>> {
        let error = &self.table.get(&err)?.error;
        Ok(error.downcast_ref::<std::io::Error>().map(error_code))
    }
}

impl preopens::Host for WasiCtx {
    fn get_directories(&mut self) -> witbind::Result<Vec<(Resource<Descriptor>, String)>> {
        let mut directories = Vec::with_capacity(self.preopens.len());
        for (descriptor, name) in &self.preopens {
            directories.push((self.table.push(descriptor.share())?, name.clone()));
        }
        Ok(directories)
    }
}
