import argparse
print("prep")
