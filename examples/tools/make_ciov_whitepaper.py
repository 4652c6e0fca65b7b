#!/usr/bin/env python3
"""Writes examples/ciov-whitepaper.iovplan: the white paper's 128-server scenario (ciov-whitepaper.txt,
Table 1 and Figures 4-5) built from the shipped "2007" catalog (catalogs/data/*.csv).

The design decisions are explained line by line in docs/ciov-whitepaper-example.md. Run it from the
repository root after changing the catalog or the design, then check the diff:
    python3 examples/tools/make_ciov_whitepaper.py
"""
import csv
import json
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "examples", "ciov-whitepaper.iovplan")
DOCUMENT_VERSION = 2

RACKS = 8
SERVERS_PER_RACK = 16
SERVER = "hp-proliant-dl380-g5"  # 2U, 3 PCIe slots, 2 LOM ports
SERVER_HEIGHT_U = 2
SWITCH_ROW_U = 33  # first U above the 16 servers (U1-U32)

NIC = "intel-pro1000-pt-quad"  # four GigE ports = the paper's "four GigE NICs" (VMware vmnic0-3)
HBA = "qlogic-qle2460"  # single-port 4 Gb FC HBA, two per server
GIGE_SWITCH = "cisco-catalyst-3750g-48ts"
FC_SWITCH = "cisco-mds-9124"
CAT6 = "cat6-patch-3m"
FC_CABLE = "fc-om2-lc-lc-5m"
FC_SFP_4G = "fc-4g-sfp-sw"
FC_SFP_2G = "fc-2g-sfp-sw"

HCA = "mellanox-mhga28-xtc"  # InfiniHost III Ex DDR: software and native IOV (white paper, section 2)
GATEWAY = "cisco-sfs-3012"  # 24 internal IB ports, 12 module slots
ETH_MODULE = "cisco-sfs-3012-eth-gw"  # 6 x 1 GbE
FC_MODULE = "cisco-sfs-3012-fc-gw"  # 2 x 1/2 Gb FC
IB_SHORT = "ib-cx4-copper-3m"
IB_LONG = "ib-cx4-copper-8m"
GATEWAYS_PER_SIDE = 6  # ceil(128 servers / 24 IB ports per chassis)


def number(text):
    value = float(text)
    return int(value) if value.is_integer() else value


def load_catalog():
    items = {}
    with open(os.path.join(ROOT, "catalogs", "data", "items.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            pct = row["maintenance_pct_per_year"].strip()
            items[row["id"]] = {
                "kind": row["kind"],
                "vendor": row["vendor"],
                "model": row["model"],
                "part_number": row["part_number"],
                "description": row["description"],
                "price_usd": number(row["price_usd"]),
                "price_date": row["price_date"],
                "price_source": row["price_source"],
                "maintenance_pct_per_year": number(pct) if pct else None,
                "maintenance_source": row["maintenance_source"],
                "specs": [],
            }
    with open(os.path.join(ROOT, "catalogs", "data", "specs.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            items[row["item_id"]]["specs"].append(
                {"field": row["field"], "value": row["value"], "unit": row["unit"], "source": row["source"]})
    return items


class DesignBuilder:
    def __init__(self):
        self.racks = [{"id": f"rack-{r + 1}", "name": f"Rack {r + 1}", "height_u": 42} for r in range(RACKS)]
        self.servers, self.switches, self.gateways, self.fabrics, self.cables = [], [], [], [], []
        self.used = set()

    def use(self, item_id):
        self.used.add(item_id)
        return item_id

    def fabric(self, fid, kind, name):
        self.fabrics.append({"id": fid, "kind": kind, "name": name})

    def server(self, index, adapters):
        rack, k = divmod(index, SERVERS_PER_RACK)
        sid = f"srv-{index + 1:03d}"
        self.servers.append({
            "id": sid, "name": f"esx-{index + 1:03d}", "item_id": self.use(SERVER), "rack_id": f"rack-{rack + 1}",
            "position_u": 1 + SERVER_HEIGHT_U * k, "group": "vm-hosts",
            "adapters": [{"slot": slot, "item_id": self.use(item)} for slot, item in adapters]})
        return sid, rack

    def switch(self, sid, item, rack, u, fabric):
        self.switches.append({"id": sid, "name": sid.upper(), "item_id": self.use(item), "rack_id": f"rack-{rack + 1}",
                              "position_u": u, "fabric_id": fabric})

    def gateway(self, gid, rack, u, modules):
        self.gateways.append({"id": gid, "name": gid.upper(), "item_id": self.use(GATEWAY), "rack_id": f"rack-{rack + 1}",
                              "position_u": u, "modules": [{"slot": s, "item_id": self.use(m)} for s, m in modules]})

    def cable(self, item, fabric, a, b, transceivers=()):
        self.cables.append({
            "id": f"cbl-{len(self.cables) + 1:04d}", "item_id": self.use(item), "fabric_id": fabric,
            "from": {"device_id": a[0], "slot": a[1], "port": a[2]},
            "to": {"device_id": b[0], "slot": b[1], "port": b[2]},
            "transceiver_item_ids": [self.use(t) for t in transceivers]})

    def uplink(self, item, fabric, device, slot, port, transceivers=()):
        self.cable(item, fabric, (device, slot, port), (fabric, 0, 0), transceivers)

    def design(self):
        # No storage arrays: both sides keep the existing SAN, which the paper leaves out of Table 1.
        return {"racks": self.racks, "servers": self.servers, "switches": self.switches,
                "gateways": self.gateways, "storage": [], "fabrics": self.fabrics, "cables": self.cables}


def gige_fc():
    """Figure 4: four GigE ports and two FC HBAs per server, top-of-rack GigE and dual-fabric FC switches."""
    d = DesignBuilder()
    d.fabric("lan", "lan", "LAN")
    d.fabric("san-a", "san", "SAN fabric A")
    d.fabric("san-b", "san", "SAN fabric B")
    for rack in range(RACKS):
        n = rack + 1
        d.switch(f"lan-{n}a", GIGE_SWITCH, rack, SWITCH_ROW_U, "lan")
        d.switch(f"lan-{n}b", GIGE_SWITCH, rack, SWITCH_ROW_U + 1, "lan")
        d.switch(f"fc-{n}a", FC_SWITCH, rack, SWITCH_ROW_U + 2, "san-a")
        d.switch(f"fc-{n}b", FC_SWITCH, rack, SWITCH_ROW_U + 3, "san-b")
    for i in range(RACKS * SERVERS_PER_RACK):
        sid, rack = d.server(i, [(1, NIC), (2, HBA), (3, HBA)])
        k, n = i % SERVERS_PER_RACK, rack + 1
        for p in range(4):  # ports 1-2 to switch a, 3-4 to switch b: a switch failure leaves two ports
            d.cable(CAT6, "lan", (sid, 1, p + 1), (f"lan-{n}{'ab'[p // 2]}", 0, 2 * k + p % 2 + 1))
        d.cable(FC_CABLE, "san-a", (sid, 2, 1), (f"fc-{n}a", 0, k + 1), [FC_SFP_4G])
        d.cable(FC_CABLE, "san-b", (sid, 3, 1), (f"fc-{n}b", 0, k + 1), [FC_SFP_4G])
    for rack in range(RACKS):
        n = rack + 1
        for side in "ab":
            for port in (47, 48):
                d.uplink(CAT6, "lan", f"lan-{n}{side}", 0, port)
            for port in (23, 24):
                d.uplink(FC_CABLE, f"san-{side}", f"fc-{n}{side}", 0, port, [FC_SFP_4G])
    return d


def infiniband(ha):
    """Figure 5: one HCA per server (two with HA) into Cisco SFS 3012 chassis whose Ethernet and FC gateway
    modules join the existing LAN and SAN; chassis of one side are chained over spare IB ports."""
    d = DesignBuilder()
    d.fabric("ib", "infiniband", "InfiniBand")
    d.fabric("lan", "lan", "LAN")
    d.fabric("san-a", "san", "SAN fabric A")
    d.fabric("san-b", "san", "SAN fabric B")
    sides = ["a", "b"] if ha else ["a"]
    for s, side in enumerate(sides):
        for g in range(GATEWAYS_PER_SIDE):
            d.gateway(f"gw-{g + 1}{side}", g, SWITCH_ROW_U + 4 * s, [(1, ETH_MODULE), (2, FC_MODULE)])
    next_port = {}
    adapters = [(1, HCA), (2, HCA)] if ha else [(1, HCA)]
    for i in range(RACKS * SERVERS_PER_RACK):
        sid, rack = d.server(i, adapters)
        # Racks 1-6 each hold a chassis serving their own 16 servers; the 32 servers of racks 7-8 are
        # shared out round-robin (21-22 servers per chassis, within its 24 IB ports).
        g = rack if rack < GATEWAYS_PER_SIDE else (i - GATEWAYS_PER_SIDE * SERVERS_PER_RACK) % GATEWAYS_PER_SIDE
        for s, side in enumerate(sides):
            gid = f"gw-{g + 1}{side}"
            port = next_port.get(gid, 0) + 1
            next_port[gid] = port
            d.cable(IB_SHORT if rack == g else IB_LONG, "ib", (sid, s + 1, 1), (gid, 0, port))
    for side in sides:
        for g in range(GATEWAYS_PER_SIDE):
            gid = f"gw-{g + 1}{side}"
            for port in range(1, 7):
                d.uplink(CAT6, "lan", gid, 1, port)
            d.uplink(FC_CABLE, "san-a", gid, 2, 1, [FC_SFP_2G])
            d.uplink(FC_CABLE, "san-b", gid, 2, 2, [FC_SFP_2G])
            if g + 1 < GATEWAYS_PER_SIDE:  # chain to the next chassis: IPC between their servers
                d.cable(IB_LONG, "ib", (gid, 0, 24), (f"gw-{g + 2}{side}", 0, 23))
    return d


def workload():
    # Illustrative load (docs/ciov-whitepaper-example.md): ten VMs per server, as in the ARCHITECTURE.md
    # evaluate example; each VM keeps 30 % of its vCPU busy and talks mostly to other VMs (IPC stays on the
    # server fabric), with light LAN and SAN traffic — a consolidation candidate, as in the white paper.
    return {"profiles": [{
        "name": "consolidated server VM", "server_group": "vm-hosts", "vms_per_server": 10, "vcpus": 1,
        "vcpu_utilization": 0.3, "network_transport": "tcp",
        "network_bytes_per_s": 1200000, "network_message_bytes": 1500,
        "storage_bytes_per_s": 800000, "iops": 50, "block_bytes": 16384,
        "ipc_bytes_per_s": 10000000, "migration_bytes_per_s": 100000}],
        "sla": {"latency_s": 0.002, "throughput_bytes_per_s": 0}}


def assumptions(ha):
    return {"electricity_usd_per_kwh": 0.1, "pue": 2, "years": 3, "maintenance_pct_override": None,
            "ha_dual_homing": ha}


def qt_style(text):
    """QJsonDocument::Indented writes an empty array as "[\\n<indent>]": match it so a load-save round trip
    through IOV Planner leaves the file byte-identical."""
    return re.sub(r'^( *)(.*)\[\]', lambda m: f"{m.group(1)}{m.group(2)}[\n{m.group(1)}]", text, flags=re.M)


def main():
    catalog = load_catalog()
    scenarios, used = [], set()
    for name, mode, builder, ha in [("GigE+FC", "software", gige_fc(), False),
                                    ("IB software IOV", "software", infiniband(False), False),
                                    ("IB software IOV HA", "software", infiniband(True), True),
                                    ("IB native IOV", "native", infiniband(False), False)]:
        used |= builder.used
        scenarios.append({"name": name, "iov_mode": mode, "design": builder.design(), "workload": workload(),
                          "assumptions": assumptions(ha)})
    project = {"format": "iovplan", "version": DOCUMENT_VERSION, "name": "CIOV white paper: 128 virtualized servers",
               "author": "IOV Planner examples", "catalog": {i: catalog[i] for i in sorted(used)},
               "scenarios": scenarios}
    text = qt_style(json.dumps(project, indent=4, sort_keys=True, ensure_ascii=False)) + "\n"
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {OUT} ({len(text)} bytes)")


if __name__ == "__main__":
    main()
