# cnv3.profile: ART HS20 2x100, 10x per haplotype copy, a panel of its own (profile for make-cnv-set.sh)
SET=cnv3
SIM=art
SIM_SEED=9110        # read simulation: seed = SIM_SEED + 10*sample_index + component
NAME_PREFIX=SIMA3    # read names: <prefix><sample_index>:7:HSIMFC:1:<n>
# Panel normals from the shared folder (same simulator and settings as this set): listed in panel.tsv.
SHARED_PANEL=()
# alias;patient_id;mrn;sex;role;genome_seed;events
# events (cnvsim.py): KIND:HAPMASK:MINLEN-MAXLEN:REGION_START-REGION_END[:CELL_FRACTION], or GAIN_MII:HAP /
# GAIN_MI:HAP:X for a whole-contig third copy. Each event is placed by the seed inside its region, where every
# 10 kb window it touches has at most 1% MAPQ-0 reads in the trio1 BAMs and it is 5 kb from N runs and ends.
SAMPLES=(
  "cnv3_segs;00.00.00-021.21;TEST-0000021;male;proband;51001;DEL:2:80000-100000:0-310000,DUP:1:200000-290000:710000-1000000"
  "cnv3_mos;00.00.00-023.23;TEST-0000023;female;proband;51003;DEL:1:120000-200000:0-310000:0.3,DUP:2:80000-100000:710000-1000000:0.5"
  "cnv3_gain;00.00.00-025.25;TEST-0000025;female;proband;51005;GAIN_MII:2"
  "cnv3_normal;00.00.00-027.27;TEST-0000027;female;proband;51007;"
  "cnv3_pn1;00.00.00-031.31;TEST-0000031;female;normal;51011;"
  "cnv3_pn2;00.00.00-033.33;TEST-0000033;male;normal;51013;"
  "cnv3_pn3;00.00.00-035.35;TEST-0000035;female;normal;51015;"
)
BASE_DEPTH=10.0  # per haplotype copy
ART_ARGS="-ss HS20 -l 100 -m 300 -s 30"
