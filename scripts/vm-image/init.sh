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

# The IDE and ext2 drivers are built into the kernel (scripts/vm-image/kernel.config): it probes
# the IDE controller at boot, in the background, and /dev/sda appears when the disk is found.
wait_for_disk() {
  i=0
  while [ ! -b /dev/sda ] && [ $i -lt 50 ]; do usleep 100000; i=$((i + 1)); done
  [ -b /dev/sda ]
}

# The instant-start state (scripts/vm-image/save-state.ts) is saved here. The kernel has seen the
# snapshot machine's blank disk, and a restored one gets the reader's disk in its place (the same
# size and model): the kernel's cached copy of the blank disk's blocks is dropped before and after
# the save, so nothing read from it can stand for the reader's disk. The page sends one line on the
# serial console after restoring, the time (seconds since 1970) that the clock saved in the state
# is set to, and init goes on to attach the reader's disk.
if grep -qw infralab.snapshot /proc/cmdline; then
  wait_for_disk && blockdev --flushbufs /dev/sda
  echo "infralab: waiting to attach the disk"
  stty -echo
  read -r now
  stty echo
  [ -n "$now" ] && date -u -s "@$now" >/dev/null
  [ -b /dev/sda ] && blockdev --flushbufs /dev/sda
fi

attach_disk() {
  wait_for_disk || { echo "infralab: no disk found (no /dev/sda)"; return; }
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
