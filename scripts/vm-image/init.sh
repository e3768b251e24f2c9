#!/bin/busybox sh
# /init of the InfraLab guest: a real Linux userland of one static busybox, in RAM (initramfs),
# and a real disk: the emulator's IDE disk, formatted on first use and mounted at /mnt/disk.
/bin/busybox mkdir -p /proc /sys /dev /tmp /root /etc /usr/bin /usr/sbin /sbin /mnt/disk
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t tmpfs tmpfs /tmp
hostname infralab
echo "infralab: init up on $(uname -r), $(nproc) vCPU, $(awk '/MemTotal/ {print $2 " kB"}' /proc/meminfo) of memory"

# The guest agent, on the second serial port: before the page cuts the power (Stop, Reboot,
# Terminate: it has no guest shutdown), it asks for the guest's dirty data to be written to the
# disk, as a cloud's stop shuts the guest down first. The mount's `sync` option alone leaves the
# filesystem's bitmaps in memory, and a power cut then corrupts it.
stty -F /dev/ttyS1 raw -echo
(while read -r _; do sync; echo "infralab: synced"; done </dev/ttyS1 >/dev/ttyS1) &

# The IDE and ext4 drivers are modules of Debian's kernel; build.ts lists them in load order, the
# IDE controller's driver last: loading it is what makes the kernel find (and read) the disk.
sed '$d' /lib/modules/disk.order > /tmp/drivers
# A loaded module's file is removed: the kernel has its copy, and the RAM is the reader's.
for m in $(cat /tmp/drivers); do
  insmod "/lib/modules/$m.ko" && rm "/lib/modules/$m.ko" || echo "infralab: could not load the $m module"
done
rm /tmp/drivers

# The instant-start state (scripts/vm-image/save-state.ts) is saved here, before the kernel has
# seen the disk: a restored machine then has no stale view of a reader's disk. The page sends one
# line on the serial console after restoring, the time (seconds since 1970) that the clock saved
# in the state is set to, and init goes on to attach the reader's disk.
if grep -qw infralab.snapshot /proc/cmdline; then
  echo "infralab: waiting to attach the disk"
  stty -echo
  read -r now
  stty echo
  [ -n "$now" ] && date -u -s "@$now" >/dev/null
fi

attach_disk() {
  m=$(tail -n 1 /lib/modules/disk.order)
  insmod "/lib/modules/$m.ko" || { echo "infralab: could not load the $m module; no disk"; return; }
  i=0
  while [ ! -b /dev/sda ] && [ $i -lt 50 ]; do usleep 100000; i=$((i + 1)); done
  [ -b /dev/sda ] || { echo "infralab: no disk found (no /dev/sda)"; return; }
  # sync: the page's Stop and Reboot cut the power without a guest shutdown, so a write must
  # reach the disk before the command that made it returns.
  if mount -t ext2 -o sync /dev/sda /mnt/disk 2>/dev/null; then
    how=existing
  elif [ "$(head -c 65536 /dev/sda | tr -d '\000' | wc -c)" -eq 0 ]; then
    mke2fs -L infralab /dev/sda >/dev/null 2>&1 && mount -t ext2 -o sync /dev/sda /mnt/disk || { echo "infralab: could not format /dev/sda"; return; }
    how=new
  else
    echo "infralab: disk /dev/sda holds no ext2 filesystem; left unmounted"
    return
  fi
  echo "infralab: disk /dev/sda mounted at /mnt/disk ($how filesystem)"
}
attach_disk

export HOME=/root PATH=/sbin:/usr/sbin:/bin:/usr/bin PS1='infralab:\w# '
cd /root
while true; do
  setsid cttyhack sh -l
  echo "infralab: shell exited, starting a new one"
done
