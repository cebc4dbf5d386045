#!/usr/bin/python3
"""Writes model/prices/<region>.json from the AWS Price List offer files of
one region, so the shipped prices are refreshed from AWS's own data at
release time instead of by hand:

    update.py --region us-east-1 --ec2 AmazonEC2-us-east-1.json --elb AWSELB-us-east-1.json \
              --out model/prices/us-east-1.json

The offer files are the Price List Bulk API's region index files
(offers/v1.0/aws/AmazonEC2/current/<region>/index.json and the AWSELB one),
downloaded by whoever releases; this script makes no network call. It keeps
the on-demand USD price of each item CloudPeek's cost checks use (see
model/prices.h) and the instance types already in the file being replaced
(or --instance-types). An item the offer files do not price is left out: the
checks then say "no price for <item> in <region>", never a guess.
"""

import argparse
import json
import os
import sys

VOLUMES = ("gp2", "gp3", "io1", "io2", "st1", "sc1", "standard")
LOAD_BALANCERS = {"Load Balancer": "classic", "Load Balancer-Application": "application",
                  "Load Balancer-Network": "network", "Load Balancer-Gateway": "gateway"}


def on_demand_usd(offer, sku):
    """The first-tier on-demand USD price of a SKU, or None."""
    terms = offer.get("terms", {}).get("OnDemand", {}).get(sku, {})
    for term in terms.values():
        dims = sorted(term.get("priceDimensions", {}).values(), key=lambda d: float(d.get("beginRange", "0") or 0))
        for d in dims:
            usd = d.get("pricePerUnit", {}).get("USD")
            if usd is not None and float(usd) > 0:
                return float(usd)
    return None


def item_of(product, instance_types):
    """The price-data item a product is, or None."""
    family = product.get("productFamily", "")
    a = product.get("attributes", {})
    usage = a.get("usagetype", "")
    volume = a.get("volumeApiName", "")
    if family == "Storage" and volume in VOLUMES:
        return f"ebs.{volume}.gb_month"
    if family == "System Operation" and a.get("group") == "EBS IOPS" and volume in ("gp3", "io1", "io2"):
        return f"ebs.{volume}.iops_month"
    if family == "Provisioned Throughput" and volume == "gp3":
        return "ebs.gp3.mibps_month"
    if family == "Storage Snapshot" and usage.endswith("EBS:SnapshotUsage"):
        return "ebs.snapshot.gb_month"
    if family == "NAT Gateway" and usage.endswith("NatGateway-Hours"):
        return "ec2.nat_gateway.hour"
    if usage.endswith("PublicIPv4:IdleAddress"):
        return "ec2.public_ipv4.hour"
    if family in LOAD_BALANCERS and usage.endswith("LoadBalancerUsage"):
        return f"elb.{LOAD_BALANCERS[family]}.hour"
    if (family == "Compute Instance" and a.get("instanceType") in instance_types and a.get("operatingSystem") == "Linux"
            and a.get("tenancy") == "Shared" and a.get("preInstalledSw", "NA") == "NA"
            and a.get("capacitystatus", "Used") == "Used" and a.get("licenseModel", "No License required") == "No License required"):
        return f"ec2.{a['instanceType']}.hour"
    return None


def prices(offers, instance_types):
    items = {}
    for offer in offers:
        for sku, product in offer.get("products", {}).items():
            item = item_of(product, instance_types)
            if item is None or item in items:
                continue
            usd = on_demand_usd(offer, sku)
            if usd is not None:
                items[item] = usd
    return dict(sorted(items.items()))


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--region", required=True)
    p.add_argument("--ec2", required=True, help="the AmazonEC2 offer file of the region")
    p.add_argument("--elb", required=True, help="the AWSELB offer file of the region")
    p.add_argument("--out", required=True)
    p.add_argument("--instance-types", help="comma-separated; default: those in --out")
    args = p.parse_args(argv)
    offers = []
    for path in (args.ec2, args.elb):
        try:
            with open(path) as f:
                offers.append(json.load(f))
        except (OSError, ValueError) as e:
            sys.exit(f"update.py: cannot read the offer file {path}: {e}. Download the region's index.json "
                     "from the AWS Price List Bulk API first.")
    if args.instance_types:
        types = set(args.instance_types.split(","))
    elif os.path.exists(args.out):
        with open(args.out) as f:
            types = {k.split(".", 1)[1].rsplit(".", 1)[0] for k in json.load(f).get("items", {})
                     if k.startswith("ec2.") and k.endswith(".hour") and k.count(".") == 3}
    else:
        types = set()
    items = prices(offers, types)
    if not items:
        sys.exit(f"update.py: no price CloudPeek uses in {args.ec2} / {args.elb}: are they {args.region}'s offer files?")
    dates = sorted(o.get("publicationDate", "")[:10] for o in offers if o.get("publicationDate"))
    versions = ", ".join(f"{o.get('offerCode', '?')} {o.get('version', '?')}" for o in offers)
    doc = {"region": args.region,
           "source": f"AWS Price List offer files ({versions}), on-demand prices (EC2: Linux, shared tenancy) of the "
                     "items CloudPeek's cost checks price. An item not listed for a region has no estimate.",
           "as_of": dates[0] if dates else "",
           "currency": "USD",
           "items": items}
    if not doc["as_of"]:
        sys.exit("update.py: the offer files carry no publicationDate")
    with open(args.out + ".tmp", "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    os.replace(args.out + ".tmp", args.out)
    print(f"{args.out}: {len(items)} prices of {doc['as_of']}")


if __name__ == "__main__":
    main()
