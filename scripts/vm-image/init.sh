#!/bin/busybox sh
# /init of the InfraLab guest: a real Linux userland of one static busybox, in RAM (initramfs).
/bin/busybox mkdir -p /proc /sys /dev /tmp /root /etc /usr/bin /usr/sbin /sbin
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t tmpfs tmpfs /tmp
hostname infralab
echo "infralab: init up on $(uname -r), $(nproc) vCPU, $(awk '/MemTotal/ {print $2 " kB"}' /proc/meminfo) of memory"
export HOME=/root PATH=/sbin:/usr/sbin:/bin:/usr/bin PS1='infralab:\w# '
cd /root
while true; do
  setsid cttyhack sh -l
  echo "infralab: shell exited, starting a new one"
done
